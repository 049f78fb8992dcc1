package dev.leadflow.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded stack in the foreground for {@code ./leadflow up} until it is told to stop (SIGTERM or
 * Ctrl-C), keeping its data between runs.
 *
 * <pre>
 * java -cp ... dev.leadflow.devstack.DevStackMain --data DIR --bin DIR --kafka-port 9092
 *     --controller-port 9093 --postgres-port 5432 --redis-port 6379 --databases capture,scoring
 * </pre>
 * Prints one line starting with {@code DEVSTACK READY} once every server answers. Exits with 2 and a
 * one-line message when a port is taken.
 */
public final class DevStackMain {

    private DevStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = parse(args);
        Path data = Path.of(options.getOrDefault("data", ".leadflow/data")).toAbsolutePath();
        Path bin = Path.of(options.getOrDefault("bin", ".leadflow/bin")).toAbsolutePath();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka", Integer.parseInt(options.getOrDefault("kafka-port", "9092")));
        ports.put("Kafka controller", Integer.parseInt(options.getOrDefault("controller-port", "9093")));
        ports.put("PostgreSQL", Integer.parseInt(options.getOrDefault("postgres-port", "5432")));
        ports.put("Redis", Integer.parseInt(options.getOrDefault("redis-port", "6379")));
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            if (!FreePorts.isFree(port.getValue())) {
                System.err.printf("Port %d (%s) is already in use. Stop what uses it (see: ss -ltnp 'sport = :%d')"
                        + " or choose another port; see ./leadflow help.%n", port.getValue(), port.getKey(),
                        port.getValue());
                System.exit(2);
            }
        }
        List<String> databases = Arrays.asList(options.getOrDefault("databases", "leadflow").split(","));
        DevStackConfig config = new DevStackConfig(data, bin, false, ports.get("Kafka"), ports.get("Kafka controller"),
                ports.get("PostgreSQL"), ports.get("Redis"), DevStackConfig.DEFAULT_PARTITIONS, databases);

        DevStack stack;
        try {
            stack = DevStack.start(config);
        } catch (RuntimeException e) {
            System.err.println("devstack failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("devstack stopping");
            stack.close();
            System.out.println("devstack stopped");
            stopped.countDown();
        }, "devstack-stop"));
        System.out.printf("DEVSTACK READY kafka=%s postgres=%s redis=%s kafka-pid=%d%n",
                stack.kafkaBootstrapServers(), stack.jdbcUrl("postgres"), stack.redisUri(), stack.kafka().pid());
        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got: " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
