package dev.leadflow.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.leadflow.events.EventTypes;
import dev.leadflow.events.LeadflowEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Produces CloudEvents records to the real broker the way other services do, and reads topics back. */
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
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (Outgoing outgoing : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(outgoing.topic(), outgoing.key(),
                        outgoing.value());
                if (outgoing.ceType() != null) {
                    record.headers().add(header("ce_type", outgoing.ceType()));
                }
                record.headers().add(header("ce_id", outgoing.ceId()));
                record.headers().add(header("ce_specversion", EventTypes.SPEC_VERSION));
                producer.send(record).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not produce test records", e);
        }
    }

    public static void send(LeadflowEvent... events) {
        send(java.util.Arrays.stream(events).map(KafkaTestSupport::event).toArray(Outgoing[]::new));
    }

    /** Every record of the topic with this key, read from the beginning of every partition. */
    public static List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
            return found;
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
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
