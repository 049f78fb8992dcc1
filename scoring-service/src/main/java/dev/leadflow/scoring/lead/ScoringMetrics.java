package dev.leadflow.scoring.lead;

import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadScored;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * {@code leadflow_leads_scored_total} and {@code leadflow_leads_qualified_total}, counted only once the transaction
 * that publishes the event commits, so a retried transaction is not counted twice.
 */
// Started eagerly so both counters are exported (at 0) before the first lead arrives.
@Startup
@ApplicationScoped
class ScoringMetrics {

    private final Counter scored;
    private final Counter qualified;

    ScoringMetrics(MeterRegistry registry) {
        scored = Counter.builder("leadflow.leads.scored").description("Scores published (lead.scored)")
                .register(registry);
        qualified = Counter.builder("leadflow.leads.qualified").description("Leads qualified as MQL (lead.qualified)")
                .register(registry);
    }

    void onScored(@Observes(during = TransactionPhase.AFTER_SUCCESS) LeadScored event) {
        scored.increment();
    }

    void onQualified(@Observes(during = TransactionPhase.AFTER_SUCCESS) LeadQualified event) {
        qualified.increment();
    }
}
