package dev.leadflow.routing.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * A real HTTP receiver on 127.0.0.1 (a free port) that records every request and answers per path: the answer is a
 * function of how many requests with the same {@code webhook-id} it saw before on that path.
 */
final class TestReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String path, Map<String, String> headers, String body, long receivedAtMillis) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, BiFunction<Received, Integer, Integer>> answers = new ConcurrentHashMap<>();

    TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getPath();
            Received request = new Received(path, Map.copyOf(headers), body, System.currentTimeMillis());
            int before = (int) received.stream()
                    .filter(r -> r.path().equals(path) && r.header("webhook-id").equals(request.header("webhook-id")))
                    .count();
            received.add(request);
            int status = answers.getOrDefault(path, (r, n) -> 200).apply(request, before);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers requests to {@code path} with the status the function gives (request, earlier copies of it). */
    void answer(String path, BiFunction<Received, Integer, Integer> status) {
        answers.put(path, status);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The requests to {@code path} whose body mentions {@code text} (e.g. a lead id), in arrival order. */
    List<Received> received(String path, String text) {
        return received.stream().filter(r -> r.path().equals(path) && r.body().contains(text)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
