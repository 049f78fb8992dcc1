package dev.leadflow.scoring.rescore;

import dev.leadflow.scoring.lead.RescoreOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code leadflow_scoring_rescored_total{trigger, outcome}}: leads re-scored without a new event, by what triggered it
 * ({@code model}: a new model version, {@code decay}: time passing) and what it did ({@code unchanged}, {@code changed}: a new score published,
 * {@code qualified}: also qualified). Counted once each lead's transaction committed.
 */
// Started eagerly so the series are exported (at 0) before the first re-score.
@Startup
@ApplicationScoped
public class RescoreMetrics {

    /** What triggered a re-score; a tag value. */
    public enum Trigger {
        MODEL,
        DECAY
    }

    private final Map<Trigger, Map<RescoreOutcome, Counter>> counters = new EnumMap<>(Trigger.class);

    RescoreMetrics(MeterRegistry registry) {
        for (Trigger trigger : Trigger.values()) {
            Map<RescoreOutcome, Counter> byOutcome = new EnumMap<>(RescoreOutcome.class);
            for (RescoreOutcome outcome : RescoreOutcome.values()) {
                byOutcome.put(outcome, Counter.builder("leadflow.scoring.rescored")
                        .description("Leads re-scored by a job, by trigger and outcome")
                        .tag("trigger", trigger.name().toLowerCase(Locale.ROOT))
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
            counters.put(trigger, byOutcome);
        }
    }

    public void rescored(Trigger trigger, RescoreOutcome outcome) {
        counters.get(trigger).get(outcome).increment();
    }
}
