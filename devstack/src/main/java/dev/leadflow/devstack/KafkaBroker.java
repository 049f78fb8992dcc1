package dev.leadflow.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) in a child JVM, so that Scala and
 * the broker stay off the classpath of whoever starts it. The child exits when this JVM goes away (see
 * {@link BrokerLauncher}), and {@link #kill()} is a real {@code SIGKILL} for fault injection.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    public KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The broker's process id, while it runs. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Formats the storage on first use, starts the broker and waits until it answers. */
    public synchronized void start() {
        try {
            Files.createDirectories(dir.resolve("logs"));
            Path config = writeServerProperties();
            Path log4j = writeLog4jConfig();
            if (!Files.exists(dir.resolve("logs/meta.properties"))) {
                format(config, log4j);
            }
            process = new ProcessBuilder(javaCommand(log4j, BrokerLauncher.class.getName(), config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile()))
                    .start();
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not start in " + dir, e);
        }
    }

    /** Stops the broker cleanly (SIGTERM, then SIGKILL after 30 s). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Kills the broker with SIGKILL, as a crash would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Creates the topics that do not exist yet, each with the given number of partitions. */
    public void createTopics(List<String> topics, int partitions) {
        try (Admin admin = Admin.create(adminConfig())) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + topic, e.getCause());
                    }
                }
            }
            awaitVisible(admin, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not create topics within 30 s", e);
        }
    }

    /**
     * Creation is acknowledged before the broker's metadata lists the topic: on a busy machine a client asking right
     * away got "does not host this topic-partition". Waits until every topic can be described.
     */
    private static void awaitVisible(Admin admin, List<String> topics) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not list the created topics within 30 s", e);
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        // Wait for the listener first: an admin client polling a closed port logs a warning every few ms.
        while (FreePorts.isFree(port) && Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue()
                        + "; see " + dir.resolve("kafka.log"));
            }
            sleep(Duration.ofMillis(100));
        }
        try (Admin admin = Admin.create(adminConfig())) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited with " + process.exitValue()
                            + "; see " + dir.resolve("kafka.log"));
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        admin.listTopics().names().get(2, TimeUnit.SECONDS);
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    sleep(Duration.ofMillis(200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
            }
        }
        throw new IllegalStateException("Kafka broker not ready within " + START_TIMEOUT.toSeconds()
                + " s; see " + dir.resolve("kafka.log"));
    }

    private Map<String, Object> adminConfig() {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    }

    private Path writeServerProperties() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dir.resolve("logs").toAbsolutePath().toString());
        p.setProperty("num.partitions", String.valueOf(DevStackConfig.DEFAULT_PARTITIONS));
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        Path file = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "Leadflow devstack broker");
        }
        return file;
    }

    private Path writeLog4jConfig() throws IOException {
        Path file = dir.resolve("log4j2.properties");
        Files.writeString(file, String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.console.ref = console",
                "logger.started.name = kafka.server.KafkaRaftServer",
                "logger.started.level = info",
                ""), StandardCharsets.UTF_8);
        return file;
    }

    private String clusterId() throws IOException {
        Path file = dir.resolve("cluster.id");
        // An id starting with '-' was never usable (the storage tool read it as an option), so it is replaced.
        if (Files.exists(file) && !Files.readString(file).trim().startsWith("-")) {
            return Files.readString(file).trim();
        }
        String id = newClusterId();
        Files.writeString(file, id);
        return id;
    }

    /**
     * A KRaft cluster id: a base64url-encoded 16-byte UUID that, like Kafka's own {@code Uuid.randomUuid()}, never
     * starts with '-' (about 1 in 64 would, and the storage tool then takes it for an option).
     */
    static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private List<String> javaCommand(Path log4j, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(),
                "-cp", RuntimeClasspath.get(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Formats the storage, a second time if the first attempt fails: CI saw one format fail within a second on a busy
     * machine, and the test's directory (and so the log) is gone by the time anyone looks, hence the log in the error.
     */
    private void format(Path config, Path log4j) throws IOException {
        List<String> command = javaCommand(log4j, "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
                config.toString(), "--ignore-formatted");
        try {
            run("Formatting the Kafka storage", command, dir.resolve("format.log"));
        } catch (IllegalStateException first) {
            System.err.println(first.getMessage() + "; formatting once more");
            run("Formatting the Kafka storage (second attempt)", command, dir.resolve("format.log"));
        }
    }

    private static void run(String what, List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(what + " failed; " + log + " ends with:\n" + tail(log, 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The classpath written by the build (Kafka included) plus devstack's own classes. */
    static final class RuntimeClasspath {
        private static String value;

        static synchronized String get() {
            if (value == null) {
                try (InputStream in = KafkaBroker.class.getResourceAsStream("runtime.classpath")) {
                    if (in == null) {
                        throw new IllegalStateException("runtime.classpath missing: build devstack with Maven");
                    }
                    String deps = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                    String own = Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                            .toString();
                    value = own + java.io.File.pathSeparator + deps;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return value;
        }
    }
}
