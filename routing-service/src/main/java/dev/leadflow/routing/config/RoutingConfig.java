package dev.leadflow.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * How routing-service finds its routing model and checks first-contact SLAs. Validated at start-up: a bad value stops
 * the service.
 */
@ConfigMapping(prefix = "leadflow.routing")
public interface RoutingConfig {

    /**
     * The routing model seed (reps, teams, accounts, territories, rules) in YAML: a file path, or
     * {@code classpath:...} for a resource. Checked at every start-up; stored as model version 1 when the database
     * holds no model yet.
     */
    @WithDefault("classpath:routing/demo-routing.yaml")
    @NotBlank
    String seed();

    /** First-contact SLA timers. */
    Sla sla();

    interface Sla {

        /**
         * How often due timers are looked for; a breach is handled at most this long after it is due. The scheduler
         * reads the same key.
         */
        @WithDefault("5s")
        Duration checkInterval();

        /** Due timers claimed per transaction; a check takes pages until none is due. */
        @WithDefault("100")
        @Min(1)
        @Max(10_000)
        int pageSize();
    }
}
