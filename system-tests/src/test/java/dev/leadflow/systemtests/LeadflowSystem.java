package dev.leadflow.systemtests;

import dev.leadflow.devstack.DevStack;
import dev.leadflow.devstack.DevStackConfig;
import dev.leadflow.devstack.FreePorts;
import dev.leadflow.devstack.auth.JwtKeys;
import dev.leadflow.devstack.auth.JwtTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as separate processes: the embedded stack (real Kafka, PostgreSQL, Redis) and the five services
 * started from their packaged applications ({@code <service>/target/quarkus-app}), each on a free port. The services
 * verify bearer tokens with a key pair made for the run; {@link #viewerToken()} is one for the protected reads.
 */
public final class LeadflowSystem implements AutoCloseable {

    public static final List<String> SERVICES = List.of("capture", "scoring", "routing", "attribution", "reporting");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** JVM options of every service process; the benchmark sets its own ({@code benchmark.service-java-opts}). */
    private static final String SERVICE_JAVA_OPTS =
            System.getProperty("leadflow.service-java-opts", "-Xmx384m -XX:+UseG1GC");

    private final Path root;
    private final Path workDir;
    private final DevStack stack;
    private final JwtKeys keys;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final List<ServiceProcess> extraInstances = new ArrayList<>();

    private LeadflowSystem(Path root, Path workDir, DevStack stack) {
        this.root = root;
        this.workDir = workDir;
        this.stack = stack;
        this.keys = JwtKeys.loadOrCreate(workDir.resolve("keys"));
    }

    /** Starts the stack and all services and waits until every service is ready. */
    public static LeadflowSystem start(String name) {
        Path root = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();
        Path workDir = root.resolve("system-tests/target/" + name + "-" + System.currentTimeMillis());
        DevStack stack = DevStack.start(DevStackConfig.forTests(workDir.resolve("stack"),
                root.resolve("system-tests/target/devstack-bin"), SERVICES));
        LeadflowSystem system = new LeadflowSystem(root, workDir, stack);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "leadflow-system-stop"));
        try {
            for (String service : SERVICES) {
                system.services.put(service, system.newProcess(service));
            }
            system.services.values().forEach(ServiceProcess::start);
            system.services.values().forEach(p -> p.awaitReady(READY_TIMEOUT));
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    public URI url(String service) {
        return services.get(service).baseUrl();
    }

    public ServiceProcess service(String service) {
        return services.get(service);
    }

    /**
     * Starts one more instance of {@code service} on its own port, sharing the database and the consumer groups of
     * the first one (Kafka rebalances the partitions between them). Stopped by {@link #close()} at the latest.
     */
    public synchronized ServiceProcess startExtraInstance(String service) {
        ServiceProcess extra = newProcess(service, service + "-" + (extraInstances.size() + 2));
        extraInstances.add(extra);
        extra.start();
        return extra;
    }

    /** Whether every service (first instances) answers ready. */
    public boolean allReady() {
        return services.values().stream().allMatch(ServiceProcess::isReady);
    }

    /** Waits until every service answers ready and returns how long that took. */
    public Duration awaitAllReady(Duration timeout) {
        Instant start = Instant.now();
        services.values().forEach(p -> p.awaitReady(timeout));
        return Duration.between(start, Instant.now());
    }

    /** A bearer token with role {@code leadflow-viewer}, valid for a day: long enough for any run. */
    public String viewerToken() {
        return JwtTokens.sign(keys.privateKey(), JwtTokens.ISSUER, "system-tests", List.of(JwtTokens.VIEWER),
                Instant.now(), Duration.ofDays(1));
    }

    /** The folder holding each service instance's log ({@code <instance>.log}), kept after {@link #close()}. */
    public Path logDirectory() {
        return workDir.resolve("logs");
    }

    public DevStack stack() {
        return stack;
    }

    public String kafkaBootstrapServers() {
        return stack.kafkaBootstrapServers();
    }

    @Override
    public synchronized void close() {
        extraInstances.forEach(ServiceProcess::stop);
        extraInstances.clear();
        services.values().forEach(ServiceProcess::stop);
        services.clear();
        stack.close();
    }

    private ServiceProcess newProcess(String service) {
        return newProcess(service, service);
    }

    private ServiceProcess newProcess(String service, String instance) {
        Path jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl(service));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_REDIS_HOSTS", stack.redisUri());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toString());
        if (service.equals("capture")) {
            // Every test client (fault traffic, the benchmark at up to 1,000 leads/s) posts from 127.0.0.1.
            env.put("LEADFLOW_CAPTURE_RATE_LIMIT_ENABLED", "false");
        }
        return new ServiceProcess(instance, jar, FreePorts.next(), env, logDirectory().resolve(instance + ".log"));
    }

    /** One service as a child JVM; {@link #kill()} is a real SIGKILL. */
    public static final class ServiceProcess {
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        private final String name;
        private final Path jar;
        private final int port;
        private final Map<String, String> env;
        private final Path log;
        private Process process;

        ServiceProcess(String name, Path jar, int port, Map<String, String> env, Path log) {
            this.name = name;
            this.jar = jar;
            this.port = port;
            this.env = env;
            this.log = log;
        }

        public URI baseUrl() {
            return URI.create("http://127.0.0.1:" + port);
        }

        public synchronized void start() {
            try {
                Files.createDirectories(log.getParent());
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(List.of(SERVICE_JAVA_OPTS.trim().split("\\s+")));
                command.addAll(List.of("-Dquarkus.http.port=" + port, "-jar", jar.toString()));
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().putAll(env);
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start " + name, e);
            }
        }

        public String name() {
            return name;
        }

        /** Waits until the service answers ready and returns how long that took. */
        public synchronized Duration awaitReady(Duration timeout) {
            Instant start = Instant.now();
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + "-service exited with " + process.exitValue() + "; see " + log);
                }
                if (isReady()) {
                    return Duration.between(start, Instant.now());
                }
                sleep(100);
            }
            throw new IllegalStateException(name + "-service not ready within " + timeout.toSeconds() + " s; see " + log);
        }

        public boolean isReady() {
            return readinessStatus() == 200;
        }

        /** The HTTP status of {@code /q/health/ready}: 200 UP, 503 DOWN, -1 when nothing answers. */
        public int readinessStatus() {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(baseUrl().resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** The process id, or -1 when it is not running. */
        public synchronized long pid() {
            return process == null ? -1 : process.pid();
        }

        /** SIGKILL, as a crash would. */
        public synchronized void kill() {
            if (process != null) {
                process.destroyForcibly();
                waitFor(10);
                process = null;
            }
        }

        public synchronized void stop() {
            if (process != null) {
                process.destroy();
                if (!waitFor(30)) {
                    process.destroyForcibly();
                    waitFor(10);
                }
                process = null;
            }
        }

        public Path log() {
            return log;
        }

        private boolean waitFor(int seconds) {
            try {
                return process.waitFor(seconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
