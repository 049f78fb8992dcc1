package dev.leadflow.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
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

/**
 * Topics seen from the outside, for tests: write a record as a producer of the contract would (CloudEvents binary
 * headers), and read a topic back from its beginning to its current end, as a CRM or an auditor would.
 */
public final class KafkaTopics {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private KafkaTopics() {
    }

    /**
     * Sends one record and waits for the broker's acknowledgement. {@code ceType} and {@code ceId} become the
     * {@code ce_type} and {@code ce_id} headers (with {@code ce_specversion} 1.0 and a test {@code ce_source}); a
     * null {@code ceType} sends a record without CloudEvents headers.
     */
    public static void send(String bootstrapServers, String topic, String key, String value, String ceType, String ceId) {
        sendAll(bootstrapServers, topic, List.of(new Outgoing(key, value, ceType, ceId)));
    }

    /** A record to send: key, value and the CloudEvents type and id (see {@link #send}). */
    public record Outgoing(String key, String value, String ceType, String ceId) {
    }

    /**
     * Sends the records in one go, as a producer with a backlog would (they reach the broker in few requests and a
     * consumer in few polls), in order, and waits until the broker acknowledged all of them.
     */
    public static void sendAll(String bootstrapServers, String topic, List<Outgoing> records) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Outgoing outgoing : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, outgoing.key(), outgoing.value());
                if (outgoing.ceType() != null) {
                    record.headers().add(header("ce_specversion", "1.0"));
                    record.headers().add(header("ce_type", outgoing.ceType()));
                    record.headers().add(header("ce_source", "/leadflow/test"));
                    if (outgoing.ceId() != null) {
                        record.headers().add(header("ce_id", outgoing.ceId()));
                    }
                    record.headers().add(header("content-type", "application/json"));
                }
                sent.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the record for " + topic, e.getCause());
        }
    }

    /** Every record of the topic, from its beginning to its end as it is now. */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
        return read(bootstrapServers, topic, record -> true);
    }

    /** Every record of the topic with this key, from its beginning to its end as it is now. */
    public static List<ConsumerRecord<String, String>> readByKey(String bootstrapServers, String topic, String key) {
        return read(bootstrapServers, topic, record -> key.equals(record.key()));
    }

    /** Every record of the topic that matches, from its beginning to its end as it is now. */
    public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> filter) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (filter.test(record)) {
                        records.add(record);
                    }
                });
            }
            return records;
        }
    }

    /** The value of the record's last header with this name, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
