package dev.leadflow.capture;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMin;

/** Configuration of capture-service; validated at start-up, defaults run the demo. */
@ConfigMapping(prefix = "leadflow.capture")
public interface CaptureConfig {

    /**
     * Hosts (and their subdomains) a plain HTML form may be redirected to through {@code redirectUrl}. Unset allows
     * any absolute http(s) URL; set it in production so the intake cannot serve as an open redirect.
     */
    Optional<Set<String>> allowedRedirectHosts();

    Idempotency idempotency();

    Touchpoints touchpoints();

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
