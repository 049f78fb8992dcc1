package dev.leadflow.reporting.speedtolead.metrics;

import dev.leadflow.reporting.ReportingConfig;
import dev.leadflow.reporting.lifecycle.Observation;
import dev.leadflow.reporting.speedtolead.HistogramBuckets;
import dev.leadflow.reporting.speedtolead.SpeedToLeadStage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Exports {@code leadflow_speed_to_lead_seconds} (a histogram per {@code stage}) and
 * {@code leadflow_sla_breaches_total}. Observations are recorded only after their projection committed, so an
 * event retried after a failed transaction, or skipped by the inbox as a duplicate, is counted once.
 */
@Startup
@ApplicationScoped
public class LifecycleMetrics {

    private final Map<SpeedToLeadStage, Timer> speedToLead = new EnumMap<>(SpeedToLeadStage.class);
    private final Counter slaBreaches;

    LifecycleMetrics(MeterRegistry registry, ReportingConfig config) {
        Duration[] buckets = HistogramBuckets.validated(config.speedToLead().buckets()).toArray(Duration[]::new);
        // Registered up front so that dashboards see zero-valued series before the first lead.
        for (SpeedToLeadStage stage : SpeedToLeadStage.values()) {
            speedToLead.put(stage, Timer.builder("leadflow.speed.to.lead")
                    .description("Time a lead waited: capture to routed, and routed to first contact")
                    .tag("stage", stage.label())
                    .serviceLevelObjectives(buckets)
                    .publishPercentileHistogram(false)
                    .register(registry));
        }
        slaBreaches = Counter.builder("leadflow.sla.breaches")
                .description("Routed leads whose owner did not make contact before the SLA was due")
                .register(registry);
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Observation observation) {
        if (observation instanceof Observation.SpeedToLead speed) {
            speedToLead.get(speed.stage()).record(speed.elapsed());
        } else if (observation instanceof Observation.SlaBreach) {
            slaBreaches.increment();
        }
    }
}
