package dev.leadflow.routing.config;

import dev.leadflow.routing.decision.Rep;
import dev.leadflow.routing.decision.RoundRobin;
import dev.leadflow.routing.decision.Roster;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the routing rule from the configuration, at start-up, so an invalid roster stops the service. */
@ApplicationScoped
public class RoutingPolicy {

    @Produces
    @Singleton
    @Startup
    RoundRobin roundRobin(RoutingConfig config) {
        try {
            Roster roster = new Roster(config.reps().stream()
                    .map(rep -> new Rep(rep.id(), rep.name(), rep.active()))
                    .toList());
            return new RoundRobin(roster, config.fallbackQueue());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid leadflow.routing configuration: " + e.getMessage(), e);
        }
    }
}
