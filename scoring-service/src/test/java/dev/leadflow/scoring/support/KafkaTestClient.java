package dev.leadflow.scoring.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadflowEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces CloudEvents records the way capture-service does, and reads back what the service published, on the test's
 * broker through {@link KafkaTopics}. Inject it into a test; read headers with {@link KafkaTopics#header}.
 */
@ApplicationScoped
public class KafkaTestClient {

    private final String bootstrapServers;
    private final ObjectMapper objectMapper;

    KafkaTestClient(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper objectMapper) {
        this.bootstrapServers = bootstrapServers;
        this.objectMapper = objectMapper;
    }

    /** Sends an event with the CloudEvents headers of its type and id. */
    public void send(String topic, String key, String ceType, LeadflowEvent event) {
        send(topic, key, ceType, event.eventId(), json(event));
    }

    /** Sends any payload (poison included) with CloudEvents headers. */
    public void send(String topic, String key, String ceType, UUID ceId, String payload) {
        KafkaTopics.send(bootstrapServers, topic, key, payload, ceType, ceId.toString());
    }

    /** Every record on {@code topic} with {@code key}, oldest first per partition. */
    public List<ConsumerRecord<String, String>> records(String topic, String key) {
        return KafkaTopics.readByKey(bootstrapServers, topic, key);
    }

    /** The events of {@code type} on {@code topic} with {@code key}, decoded. */
    public <T> List<T> events(String topic, String key, Class<T> type) {
        return records(topic, key).stream().map(r -> decode(r.value(), type)).toList();
    }

    public String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public <T> T decode(String json, Class<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
