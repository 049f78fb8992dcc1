package dev.leadflow.capture;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/** Configuration of capture-service; validated at start-up, defaults run the demo. */
@ConfigMapping(prefix = "leadflow.capture")
public interface CaptureConfig {

    Forms forms();

    Idempotency idempotency();

    Touchpoints touchpoints();

    /** The form registry ({@code /api/v1/forms}): which forms intake accepts, and their rules. */
    interface Forms {

        /**
         * How long a capture instance answers submissions from its in-memory copy of the registry before reading
         * it again: a change made through another instance takes effect here within this time (one made through
         * this instance at once). Zero reads the registry for every submission.
         */
        @WithDefault("5s")
        @DurationMin(seconds = 0)
        Duration cacheTtl();

        /**
         * Forms created at start-up unless a form with their formId exists (one an administrator edited is never
         * overwritten): a JSON array of form definitions, from the class path ({@code classpath:forms/x.json}) or a
         * file path. Empty: no seed.
         */
        @WithDefault("classpath:forms/demo-forms.json")
        Optional<String> seed();
    }

    /** Replay protection of the {@code Idempotency-Key} header, kept in Redis. */
    interface Idempotency {

        /** How long a key remembers the first answer given to it. */
        @WithDefault("24h")
        @DurationMin(seconds = 1)
        Duration ttl();

        /** How long a key stays claimed while its first request runs; a retry meanwhile gets 409. */
        @WithDefault("30s")
        @DurationMin(seconds = 1)
        Duration claimTtl();

        /** Longest wait for Redis; past it the request is processed without replay protection. */
        @WithDefault("500ms")
        @DurationMin(millis = 1)
        Duration redisTimeout();
    }

    /** Intake of {@code POST /api/v1/touchpoints}. */
    interface Touchpoints {

        /** Most touchpoints one request may carry; a larger batch gets 413. */
        @WithDefault("500")
        @Min(1)
        @Max(10_000)
        int maxBatchSize();

        /** How far in the future an {@code occurredAt} may lie (client clocks drift) before it is rejected. */
        @WithDefault("5m")
        Duration maxClockSkew();
    }
}
