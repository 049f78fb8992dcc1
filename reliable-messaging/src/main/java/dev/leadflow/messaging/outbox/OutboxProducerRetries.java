package dev.leadflow.messaging.outbox;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;

/**
 * The outbox channel sets the connector's {@code retries} to 0, so that the connector never re-sends a failed event
 * behind newer ones of the same key; the relay does that, in outbox order. The Kafka producer itself keeps retrying
 * in order (idempotent, within {@code delivery.timeout.ms}), which needs its own {@code retries} above 0.
 */
@ApplicationScoped
public class OutboxProducerRetries implements ClientCustomizer<Map<String, Object>> {

    static final String CHANNEL = "outbox";

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if (CHANNEL.equals(channel)) {
            config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        }
        return config;
    }
}
