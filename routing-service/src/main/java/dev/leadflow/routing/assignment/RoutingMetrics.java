package dev.leadflow.routing.assignment;

import dev.leadflow.events.OwnerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;

/** {@code leadflow_leads_routed_total{owner_type}}: counts committed routings only, never rolled-back attempts. */
@Startup
@ApplicationScoped
public class RoutingMetrics {

    private final Map<String, Counter> routedByOwnerType;

    RoutingMetrics(MeterRegistry registry) {
        // Both series exist from start-up at 0, so rates and alerts work before the first lead.
        this.routedByOwnerType = Map.of(
                OwnerType.REP, routedCounter(registry, OwnerType.REP),
                OwnerType.QUEUE, routedCounter(registry, OwnerType.QUEUE));
    }

    void onRouted(@Observes(during = TransactionPhase.AFTER_SUCCESS) LeadRoutedLocally routed) {
        routedByOwnerType.get(routed.ownerType()).increment();
    }

    private static Counter routedCounter(MeterRegistry registry, String ownerType) {
        return Counter.builder("leadflow_leads_routed_total")
                .description("Qualified leads assigned to an owner")
                .tag("owner_type", ownerType)
                .register(registry);
    }
}
