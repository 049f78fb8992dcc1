package dev.leadflow.attribution.metrics;

import dev.leadflow.attribution.tracking.TouchpointsAttributed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** {@code leadflow_touchpoints_attributed_total{stitched}}: touchpoints that joined a lead's journey. */
@ApplicationScoped
public class AttributionMetrics {

    static final String TOUCHPOINTS_ATTRIBUTED = "leadflow_touchpoints_attributed_total";

    private final Counter direct;
    private final Counter stitched;

    AttributionMetrics(MeterRegistry registry) {
        // Both series exist from start-up, so dashboards show 0 rather than no data.
        direct = counter(registry, false);
        stitched = counter(registry, true);
    }

    /** Counts only committed attributions: a transaction rolled back (and retried) must not count twice. */
    void onAttributed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TouchpointsAttributed attributed) {
        (attributed.stitched() ? stitched : direct).increment(attributed.count());
    }

    private static Counter counter(MeterRegistry registry, boolean stitched) {
        return Counter.builder(TOUCHPOINTS_ATTRIBUTED)
                .description("Touchpoints that joined a lead's journey, directly or stitched from an anonymous visit")
                .tag("stitched", Boolean.toString(stitched))
                .register(registry);
    }
}
