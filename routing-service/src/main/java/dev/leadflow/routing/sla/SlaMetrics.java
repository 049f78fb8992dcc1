package dev.leadflow.routing.sla;

import dev.leadflow.events.LeadSlaBreached;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * {@code leadflow_sla_breaches_total{escalation}} (committed breaches by what they triggered) and
 * {@code leadflow_sla_timers_open} (open first-contact timers of all instances, refreshed by each SLA check).
 */
@Startup
@ApplicationScoped
public class SlaMetrics {

    private static final Logger LOG = Logger.getLogger(SlaMetrics.class);

    private final Map<String, Counter> breachesByEscalation;
    private final AtomicLong openTimers = new AtomicLong();
    private final SlaTimers timers;

    SlaMetrics(MeterRegistry registry, SlaTimers timers) {
        this.timers = timers;
        // Every series exists from start-up at 0, so rates and alerts work before the first breach.
        this.breachesByEscalation = Stream.of(LeadSlaBreached.ESCALATION_NONE, LeadSlaBreached.ESCALATION_NOTIFIED,
                        LeadSlaBreached.ESCALATION_REASSIGNED, LeadSlaBreached.ESCALATION_EXHAUSTED,
                        LeadSlaBreached.ESCALATION_NO_OTHER_REP)
                .collect(Collectors.toUnmodifiableMap(escalation -> escalation, escalation -> Counter
                        .builder("leadflow_sla_breaches_total")
                        .description("Missed first-contact SLAs, by the escalation they triggered")
                        .tag("escalation", escalation)
                        .register(registry)));
        Gauge.builder("leadflow_sla_timers_open", openTimers, AtomicLong::get)
                .description("First-contact SLA timers running (not yet contacted, breached or closed)")
                .register(registry);
    }

    void onBreached(@Observes(during = TransactionPhase.AFTER_SUCCESS) SlaBreachedLocally breach) {
        breachesByEscalation.get(breach.escalation()).increment();
    }

    /** Counts the open timers now (one indexed count), so a scrape never waits for the database. */
    void refreshOpenTimers() {
        try {
            openTimers.set(timers.countOpen());
        } catch (RuntimeException e) {
            LOG.debugf("Open SLA timers not counted: %s", e.getMessage());
        }
    }
}
