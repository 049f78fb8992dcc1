package dev.leadflow.attribution.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadflowEvent;
import dev.leadflow.events.TouchpointRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces CloudEvents-shaped records as capture-service does, and reads topics back, on the real broker through
 * {@link KafkaTopics}. Each record is acknowledged before the next is sent, so records with the same key land in one
 * partition in the order they were sent. Inject it into a test; read headers with {@link KafkaTopics#header}.
 */
@ApplicationScoped
class KafkaTestClient {

    private final String bootstrapServers;
    private final ObjectMapper objectMapper;

    KafkaTestClient(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper objectMapper) {
        this.bootstrapServers = bootstrapServers;
        this.objectMapper = objectMapper;
    }

    /** Sends the event as a binary-mode CloudEvent record, its ce_id being the event's id. */
    void send(String topic, String key, String ceType, LeadflowEvent event) {
        sendRaw(topic, key, ceType, event.eventId(), json(event));
    }

    /** Sends a record with any payload, for poison. */
    void sendRaw(String topic, String key, String ceType, UUID ceId, String payload) {
        KafkaTopics.send(bootstrapServers, topic, key, payload, ceType, ceId.toString());
    }

    /** Sends the captures in order to their topic, keyed by their lead. */
    void capture(LeadCaptured... captures) {
        for (LeadCaptured captured : captures) {
            send(LeadCaptured.TOPIC, captured.leadId().toString(), LeadCaptured.TYPE, captured);
        }
    }

    /** Sends the touchpoints in order to their topic, keyed by their lead, or by the anonymous id when there is none. */
    void touch(TouchpointRecorded... touchpoints) {
        for (TouchpointRecorded touchpoint : touchpoints) {
            String key = touchpoint.leadId() != null ? touchpoint.leadId().toString() : touchpoint.anonymousId();
            send(TouchpointRecorded.TOPIC, key, TouchpointRecorded.TYPE, touchpoint);
        }
    }

    /** Every record of the topic with this key, in partition order. */
    List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key) {
        return KafkaTopics.readByKey(bootstrapServers, topic, key);
    }

    private String json(Object event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
