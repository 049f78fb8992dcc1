package dev.leadflow.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tuning of the outbox relay and of consumer retries; the defaults suit the demo and production alike. */
@ConfigMapping(prefix = "leadflow.messaging")
public interface MessagingConfig {

    /** How often the relay publishes outbox events left unpublished (e.g. after a crash) and records acks. */
    @WithDefault("1s")
    Duration relayInterval();

    /** Age after which an unpublished outbox event is treated as left behind and published by the relay. */
    @WithDefault("3s")
    Duration relayGracePeriod();

    /** Most events the relay publishes in one pass. */
    @WithDefault("500")
    int relayBatchSize();

    /** How long published outbox events are kept (for audit and replay) before they are purged. */
    @WithDefault("24h")
    Duration outboxRetention();

    /** How long processed event ids are remembered for deduplication; keep it above the topics' retention. */
    @WithDefault("14d")
    Duration inboxRetention();

    /** Longest pause between retries of an event that failed for a transient reason (database down). */
    @WithDefault("5s")
    Duration maxRetryBackoff();
}
