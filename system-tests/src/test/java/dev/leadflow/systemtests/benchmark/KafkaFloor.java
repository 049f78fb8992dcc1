package dev.leadflow.systemtests.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor to compare Leadflow against: plain Kafka clients forwarding a record through the same number of
 * produce-consume hops as capture -> scoring -> routing, on the same broker, at the same rate, with the same
 * producer settings as the services' outbox (acks=all, idempotence, linger 1 ms), and no work at all per hop.
 */
final class KafkaFloor {

    private final String bootstrapServers;
    private final int hops;

    KafkaFloor(String bootstrapServers, int hops) {
        this.bootstrapServers = bootstrapServers;
        this.hops = hops;
    }

    Latencies measure(int ratePerSecond, int seconds) throws Exception {
        String run = "bench.floor." + System.nanoTime() + ".";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            List<NewTopic> topics = new ArrayList<>();
            for (int i = 0; i < hops; i++) {
                topics.add(new NewTopic(run + i, 3, (short) 1));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch assigned = new CountDownLatch(hops);
        for (int i = 0; i < hops; i++) {
            String from = run + i;
            String to = i + 1 < hops ? run + (i + 1) : null;
            Thread t = new Thread(() -> forward(from, to, running, latencies, assigned), "floor-hop-" + i);
            t.start();
            threads.add(t);
        }
        assigned.await(30, TimeUnit.SECONDS);
        int expected = ratePerSecond * seconds;
        try (KafkaProducer<String, String> producer = producer()) {
            long start = System.nanoTime();
            long intervalNanos = 1_000_000_000L / ratePerSecond;
            for (int n = 0; n < expected; n++) {
                long due = start + n * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                producer.send(new ProducerRecord<>(run + 0, "k" + n, Long.toString(System.nanoTime())));
            }
            producer.flush();
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (latencies.size() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        running.set(false);
        for (Thread t : threads) {
            t.join(10_000);
        }
        return Latencies.of(latencies.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The most records per second one producer gets acknowledged on this broker, with the outbox's settings, for
     * records of the size of a {@code lead.captured} event: the ceiling any intake that publishes to Kafka has.
     */
    double produceRate(int seconds, int recordBytes) throws Exception {
        String topic = "bench.produce." + System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        String value = "x".repeat(recordBytes);
        java.util.concurrent.atomic.AtomicLong acknowledged = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        try (KafkaProducer<String, String> producer = producer()) {
            for (long n = 0; System.nanoTime() < end; n++) {
                producer.send(new ProducerRecord<>(topic, "k" + n, value), (metadata, failure) -> {
                    if (failure == null) {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        return acknowledged.get() / ((System.nanoTime() - start) / 1e9);
    }

    private void forward(String from, String to, AtomicBoolean running, ConcurrentLinkedQueue<Double> latencies,
            CountDownLatch assigned) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, from + ".group",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
             KafkaProducer<String, String> producer = to == null ? null : producer()) {
            consumer.subscribe(List.of(from));
            boolean counted = false;
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(100));
                if (!counted && !consumer.assignment().isEmpty()) {
                    assigned.countDown();
                    counted = true;
                }
                for (var record : records) {
                    if (producer != null) {
                        producer.send(new ProducerRecord<>(to, record.key(), record.value()));
                    } else {
                        latencies.add((System.nanoTime() - Long.parseLong(record.value())) / 1_000_000.0);
                    }
                }
                if (producer != null) {
                    producer.flush();
                }
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new StringSerializer());
    }
}
