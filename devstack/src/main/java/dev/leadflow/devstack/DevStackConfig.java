package dev.leadflow.devstack;

import java.nio.file.Path;
import java.util.List;

/**
 * Where and on which ports the embedded stack runs.
 *
 * @param dataDir          Kafka logs, PostgreSQL data and Redis dumps; survives restarts unless deleted
 * @param binDir           where the PostgreSQL and Redis binaries are unpacked (a cache, reused across runs)
 * @param deleteOnClose    delete {@code dataDir} when the stack stops (tests) or keep it (local run)
 * @param kafkaPort        broker port, 0 for a free one
 * @param controllerPort   KRaft controller port, 0 for a free one
 * @param postgresPort     PostgreSQL port, 0 for a free one
 * @param redisPort        Redis port, 0 for a free one
 * @param partitions       partitions of every contract topic and of its dead-letter topic
 * @param databases        PostgreSQL databases to create if missing (one per service)
 */
public record DevStackConfig(
        Path dataDir,
        Path binDir,
        boolean deleteOnClose,
        int kafkaPort,
        int controllerPort,
        int postgresPort,
        int redisPort,
        int partitions,
        List<String> databases) {

    public static final int DEFAULT_PARTITIONS = 3;

    /** A throw-away stack on free ports, as tests use it. */
    public static DevStackConfig forTests(Path dataDir, Path binDir, List<String> databases) {
        return new DevStackConfig(dataDir, binDir, true, 0, 0, 0, 0, DEFAULT_PARTITIONS, databases);
    }
}
