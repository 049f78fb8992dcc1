package dev.leadflow.routing.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;

/** Webhook delivery to CRMs. Validated at start-up: a bad value stops the service. */
@ConfigMapping(prefix = "leadflow.webhooks")
public interface WebhookConfig {

    /**
     * Hosts (exact names or IP literals) that endpoints may reach over plain http and at loopback, private or
     * link-local addresses. Every other endpoint must be https at a public address (no SSRF into the internal
     * network). The default lets the local demo call a receiver on this machine.
     */
    @WithDefault("localhost,127.0.0.1")
    List<String> internalHosts();

    /** Attempts per delivery (the first one included) before it is dead-lettered. */
    @WithDefault("8")
    @Min(1)
    @Max(100)
    int maxAttempts();

    /** The waits after the 1st, 2nd, ... failed attempt; the last one repeats. */
    @WithDefault("1s,5s,30s,2m,10m,30m,1h")
    @NotEmpty
    List<Duration> backoff();

    /** Random spread of each wait, as a fraction of it (0.2: +-20 %). */
    @WithDefault("0.2")
    @DecimalMin("0")
    @DecimalMax(value = "1", inclusive = false)
    double backoffJitter();

    /** The longest wait a receiver's Retry-After header can impose; longer requests are cut to this. */
    @WithDefault("1h")
    Duration maxRetryAfter();

    /** How long to wait for the TCP (and TLS) connection to a receiver. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long to wait for the receiver's answer once the request is sent. */
    @WithDefault("10s")
    Duration readTimeout();

    /** How often the dispatcher looks for due deliveries (retries); new events wake it at once. */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long delivered deliveries (with their payload, which holds lead data) stay in the delivery log. Failed and
     * dead ones stay until redelivered or their endpoint is deleted.
     */
    @WithDefault("7d")
    Duration deliveredRetention();

    /** Most deliveries one dispatcher pass claims and sends in parallel. */
    @WithDefault("50")
    @Min(1)
    @Max(1000)
    int batchSize();
}
