package dev.leadflow.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * How routing-service finds its routing model, checks first-contact SLAs and holds routing-status requests.
 * Validated at start-up: a bad value stops the service.
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

    /** Long polling of the public routing status ({@code GET /api/v1/leads/{leadId}/routing-status?wait=N}). */
    StatusWait statusWait();

    interface StatusWait {

        /**
         * How often this instance looks up, in one query, whether any lead its held requests wait for was routed by
         * another instance (its own routings answer at once, after commit). No query while nothing is held.
         */
        @WithDefault("200ms")
        @DurationMin(millis = 10)
        @DurationMax(seconds = 30)
        Duration sweepInterval();

        /**
         * The most requests this instance holds at once (each costs a little memory, no thread). Beyond it a request
         * with {@code wait} is answered at once, as without it; 0 turns long polling off.
         */
        @WithDefault("10000")
        @Min(0)
        @Max(1_000_000)
        int maxWaiting();
    }
}
