package dev.leadflow.devstack;

import dev.leadflow.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded stack: a real Kafka broker, PostgreSQL and Redis, with every contract topic (and its
 * dead-letter twin) and one database per service created. Each part can be stopped, killed and started
 * again for fault injection.
 */
public final class DevStack implements AutoCloseable {

    private final DevStackConfig config;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final RedisServerProcess redis;

    private DevStack(DevStackConfig config) {
        this.config = config;
        this.kafka = new KafkaBroker(config.dataDir().resolve("kafka"), FreePorts.orNext(config.kafkaPort()),
                FreePorts.orNext(config.controllerPort()));
        this.postgres = new PostgresServer(config.dataDir().resolve("postgres"), config.binDir().resolve("postgres"),
                FreePorts.orNext(config.postgresPort()));
        this.redis = new RedisServerProcess(config.dataDir().resolve("redis"), config.binDir().resolve("redis"),
                FreePorts.orNext(config.redisPort()), !config.deleteOnClose());
    }

    /** Starts all three servers (PostgreSQL and Redis while the broker boots), topics and databases included. */
    public static DevStack start(DevStackConfig config) {
        DevStack stack = new DevStack(config);
        try {
            Thread broker = new Thread(stack.kafka::start, "devstack-kafka-start");
            List<Throwable> failures = new ArrayList<>();
            broker.setUncaughtExceptionHandler((t, e) -> failures.add(e));
            broker.start();
            stack.postgres.start();
            config.databases().forEach(stack.postgres::createDatabase);
            stack.redis.start();
            broker.join();
            if (!failures.isEmpty()) {
                throw new IllegalStateException("Kafka broker did not start", failures.get(0));
            }
            stack.kafka.createTopics(allTopics(), config.partitions());
            return stack;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stack.close();
            throw new IllegalStateException("Interrupted while starting the devstack", e);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Every contract topic and its dead-letter topic. */
    public static List<String> allTopics() {
        List<String> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(topic);
            topics.add(topic + Topics.DEAD_LETTER_SUFFIX);
        }
        return topics;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public RedisServerProcess redis() {
        return redis;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String redisUri() {
        return redis.uri();
    }

    public DevStackConfig config() {
        return config;
    }

    /** Stops everything (Kafka first, so clients stop writing) and deletes the data when configured so. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable part : List.<AutoCloseable>of(kafka, redis, postgres)) {
            try {
                part.close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("devstack did not stop cleanly", e) : failure;
            }
        }
        if (config.deleteOnClose()) {
            deleteRecursively(config.dataDir());
        }
        if (failure != null) {
            throw failure;
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }
}
