package dev.leadflow.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadflowEvent;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces CloudEvents records to the real broker the way other services do, through {@link KafkaTopics}. Read
 * topics back with {@link KafkaTopics#readByKey} and headers with {@link KafkaTopics#header}.
 */
public final class KafkaTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private KafkaTestSupport() {
    }

    /** A raw record: any payload, any {@code ce_type}, so tests can also produce poison. */
    public record Outgoing(String topic, String key, String value, String ceType, String ceId) {
    }

    /** A contract event as its producer publishes it: to its topic, keyed by lead, with CloudEvents headers. */
    public static Outgoing event(LeadflowEvent event) {
        return new Outgoing(constant(event, "TOPIC"), leadKey(event), json(event), constant(event, "TYPE"),
                event.eventId().toString());
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the records in order, each acknowledged before the next is sent. */
    public static void send(Outgoing... records) {
        String bootstrapServers = bootstrapServers();
        for (Outgoing outgoing : records) {
            KafkaTopics.send(bootstrapServers, outgoing.topic(), outgoing.key(), outgoing.value(), outgoing.ceType(),
                    outgoing.ceId());
        }
    }

    public static void send(LeadflowEvent... events) {
        send(Arrays.stream(events).map(KafkaTestSupport::event).toArray(Outgoing[]::new));
    }

    /** The broker the service under test consumes from. */
    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String leadKey(LeadflowEvent event) {
        try {
            Object leadId = event.getClass().getMethod("leadId").invoke(event);
            return leadId == null ? UUID.randomUUID().toString() : leadId.toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(event + " has no leadId", e);
        }
    }

    private static String constant(LeadflowEvent event, String name) {
        try {
            return (String) event.getClass().getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(event.getClass() + " has no " + name + " constant", e);
        }
    }
}
