package dev.leadflow.devstack;

import dev.leadflow.devstack.auth.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a service's {@code @QuarkusTest}s against the real embedded stack. One stack is shared by every test
 * class of a test JVM and stopped (its data deleted) when the JVM exits. The services verify bearer tokens with the
 * public key of {@link TestTokens}, so tests call protected endpoints with a token minted there.
 *
 * <p>Init argument {@code database}: the PostgreSQL database the service uses (created if missing).
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private static DevStack shared;
    private String database = "leadflow";

    /** The stack shared by this JVM, started on first use. */
    public static synchronized DevStack shared() {
        if (shared == null) {
            Path target = Path.of(System.getProperty("user.dir"), "target");
            shared = DevStack.start(DevStackConfig.forTests(
                    target.resolve("devstack-" + UUID.randomUUID()), target.resolve("devstack-bin"), List.of()));
            DevStack stack = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-stop"));
        }
        return shared;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        DevStack stack = shared();
        stack.postgres().createDatabase(database);
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "kafka.bootstrap.servers", stack.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", stack.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString()));
        if (usesRedis()) {
            config.put("quarkus.redis.hosts", stack.redisUri());
        }
        return config;
    }

    /** Only services with the Redis client get its address; others would warn about an unknown key. */
    private static boolean usesRedis() {
        try {
            Class.forName("io.quarkus.redis.datasource.RedisDataSource", false,
                    Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        // The stack outlives one Quarkus application: it is shared by the JVM and stopped at its exit.
    }
}
