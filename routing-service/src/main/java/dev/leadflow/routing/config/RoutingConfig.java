package dev.leadflow.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;

/** How routing-service assigns qualified leads. Validated at start-up: a bad value stops the service. */
@ConfigMapping(prefix = "leadflow.routing")
public interface RoutingConfig {

    /** The sales reps, in rotation order. Rep ids must be unique. */
    List<@Valid RepConfig> reps();

    /** Time an owner has to make first contact with a routed lead: {@code slaDueAt = routedAt + this}. */
    @WithDefault("PT5M")
    @DurationMin(seconds = 1)
    Duration firstContactSla();

    /** Queue that owns leads when no rep is active, so no lead is ever dropped. */
    @WithDefault("unassigned")
    @NotBlank
    String fallbackQueue();

    /** One sales rep. */
    interface RepConfig {

        /** Stable id, used in events and reasons (e.g. a CRM user id). */
        @NotBlank
        String id();

        /** Display name, shown to the lead in the routing status. */
        @NotBlank
        String name();

        /** Work address of the rep, for CRM and notification integrations. */
        @NotBlank
        @Email
        String email();

        /** Whether the rep takes new leads; an inactive rep keeps its place in the rotation. */
        @WithDefault("true")
        boolean active();
    }
}
