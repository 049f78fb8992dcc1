package dev.leadflow.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;

/** Configuration of scoring-service ({@code leadflow.scoring.*}), checked when the service starts. */
@ConfigMapping(prefix = "leadflow.scoring")
public interface ScoringConfig {

    /**
     * The model that seeds the model store when it is empty (the first start): a YAML file path, or
     * {@code classpath:<resource>} for a bundled model. Once the store holds a model, models change through
     * {@code PUT /api/v1/scoring/model} and this file is no longer read. An invalid seed stops the service from
     * starting, with a message naming each bad rule and field.
     */
    @WithDefault("classpath:scoring/demo-model.yaml")
    @NotBlank
    String modelFile();

    /**
     * How long an instance scores with its copy of the active model before checking the store for a newer version:
     * other instances pick up a new model within this time (the instance that stored it at once).
     */
    @WithDefault("10s")
    Duration modelCacheTtl();

    /**
     * Forms that only subscribe (a newsletter sign-up): a lead captured only through them is a {@code subscriber}, not
     * a {@code lead}, and does not qualify, until it does something that scores (a touchpoint that raises its
     * engagement) or submits any other form.
     */
    @WithDefault("newsletter")
    List<String> subscriptionForms();

    /** Re-scoring every lead after a model change. */
    Rescore rescore();

    /** Re-scoring leads whose points fade with time. */
    Decay decay();

    interface Decay {

        /**
         * Whether this instance schedules decay runs (one runs at a time, whichever instance starts it; tests that do
         * not need it switch it off).
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * How often a decay run re-scores the leads whose score has points from a rule that changes with time alone
         * (half-life, expiry, count window): points fade between runs until the next run publishes them.
         */
        @WithDefault("15m")
        Duration interval();
    }

    interface Rescore {

        /** Leads re-scored per page; a page is the unit instances take turns on and a restart repeats. */
        @WithDefault("200")
        @Min(1)
        @Max(10000)
        int pageSize();

        /**
         * How often each instance looks for an unfinished re-score job (one another instance started, or one a
         * restart interrupted); the instance that stores a model starts on its job at once.
         */
        @WithDefault("5s")
        Duration pollInterval();
    }
}
