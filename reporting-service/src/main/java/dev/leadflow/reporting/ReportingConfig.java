package dev.leadflow.reporting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;

/** Configuration of reporting-service ({@code leadflow.reporting.*}); checked when the service starts. */
@ConfigMapping(prefix = "leadflow.reporting")
public interface ReportingConfig {

    /** The speed-to-lead histogram. */
    SpeedToLead speedToLead();

    interface SpeedToLead {

        /**
         * Upper bounds of the {@code leadflow_speed_to_lead_seconds} buckets, positive and strictly increasing
         * (an implicit {@code +Inf} bucket follows). The default spans a machine-speed routing (10 ms) to a rep
         * calling back within the hour.
         */
        @WithDefault("10ms,25ms,50ms,100ms,250ms,500ms,1s,2s,5s,10s,30s,60s,120s,300s,600s,1800s,3600s")
        @Size(min = 1, max = 50)
        List<Duration> buckets();
    }
}
