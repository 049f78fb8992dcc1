package dev.leadflow.routing.decision;

import java.util.Set;

/** A named account: leads from its email domains or with its (normalised) name go to its owner. */
public record Account(String id, String name, Set<String> domains, String ownerRepId) {

    public Account {
        domains = Set.copyOf(domains);
    }
}
