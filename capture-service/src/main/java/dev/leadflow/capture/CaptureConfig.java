package dev.leadflow.capture;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import dev.leadflow.capture.abuse.ClientAddressResolver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/** Configuration of capture-service; validated at start-up, defaults run the demo. */
@ConfigMapping(prefix = "leadflow.capture")
public interface CaptureConfig {

    Forms forms();

    Idempotency idempotency();

    Touchpoints touchpoints();

    RateLimit rateLimit();

    ClientAddress clientAddress();

    Json json();

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

    /**
     * Rate limits of the public intake, counted in Redis and so shared by every capture instance. Fixed windows: a
     * budget's window starts with its first request and lasts {@link #window()}; a request is admitted while its
     * budgets are not used up, and answered 429 with {@code Retry-After} (seconds until the window ends) otherwise.
     */
    interface RateLimit {

        /** Off, intake counts nothing and never answers 429 (e.g. for a load test from one address). */
        @WithDefault("true")
        boolean enabled();

        /** The length of one counting window. */
        @WithDefault("1m")
        @DurationMin(seconds = 1)
        Duration window();

        /** Leads one client address may submit per window (an IPv6 client counts by its /64 network). */
        @WithDefault("30")
        @Min(1)
        int leadsPerClient();

        /** Leads one formId may receive per window, from all clients together. */
        @WithDefault("6000")
        @Min(1)
        int leadsPerForm();

        /** Touchpoints (not requests: a batch counts its items) one client address may send per window. */
        @WithDefault("1200")
        @Min(1)
        int touchpointsPerClient();

        /** Longest wait for Redis; past it the request is admitted uncounted (fail open). */
        @WithDefault("500ms")
        @DurationMin(millis = 1)
        Duration redisTimeout();

        /** After Redis failed, how long intake admits uncounted before it asks Redis again. */
        @WithDefault("5s")
        @DurationMin(millis = 1)
        Duration redisRetryInterval();
    }

    /** How the client's address (for rate limits) is found when capture runs behind reverse proxies. */
    interface ClientAddress {

        /**
         * Addresses or CIDR blocks of the reverse proxies whose forwarding header is believed. Unset, the header is
         * ignored and the connection's peer is the client. Leave Quarkus's {@code quarkus.http.proxy.*} off: it
         * believes the leftmost forwarded address, which the client writes itself.
         */
        Optional<List<String>> trustedProxies();

        /** The header the trusted proxies write: {@code x-forwarded-for} or {@code forwarded} (RFC 7239). */
        @WithDefault("x-forwarded-for")
        ClientAddressResolver.Header forwardedHeader();
    }

    /** Limits of JSON request bodies, besides {@code quarkus.http.limits.max-body-size}. */
    interface Json {

        /** Deepest nesting of arrays and objects; the intake's documents need 2, deeper ones get 400. */
        @WithDefault("16")
        @Min(2)
        @Max(1000)
        int maxNestingDepth();
    }
}
