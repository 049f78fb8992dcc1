package dev.leadflow.routing.decision;

/**
 * The lead-to-account step: the matched account and its owner (both null when none matched) and how it matched or
 * why nothing did.
 */
public record AccountCheck(String accountId, String ownerRepId, String explanation) {

    public boolean matched() {
        return accountId != null;
    }
}
