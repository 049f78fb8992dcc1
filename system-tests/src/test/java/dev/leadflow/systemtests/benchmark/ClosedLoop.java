package dev.leadflow.systemtests.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Saturation: a fixed number of clients, each sending its next request as soon as the previous one is answered,
 * for a fixed time. Gives the most requests per second an endpoint answers with the expected status, and their
 * latency at that load.
 */
final class ClosedLoop {

    record Throughput(double perSecond, Latencies latencies, int unexpected) {
    }

    private ClosedLoop() {
    }

    static Throughput run(HttpClient http, int clients, int seconds, int expectedStatus,
            IntFunction<HttpRequest> request) throws InterruptedException {
        return run(http, clients, seconds, expectedStatus, request, body -> {
        });
    }

    /** {@link #run} handing each expected answer's body to {@code onExpected}. */
    static Throughput run(HttpClient http, int clients, int seconds, int expectedStatus,
            IntFunction<HttpRequest> request, Consumer<String> onExpected) throws InterruptedException {
        AtomicInteger sequence = new AtomicInteger();
        AtomicInteger expected = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request.apply(sequence.getAndIncrement()),
                                HttpResponse.BodyHandlers.ofString());
                        latencies.add((System.nanoTime() - sent) / 1_000_000.0);
                        if (response.statusCode() == expectedStatus) {
                            expected.incrementAndGet();
                            onExpected.accept(response.body());
                        } else {
                            unexpected.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (java.io.IOException e) {
                        unexpected.incrementAndGet();
                    }
                }
            }, "closed-loop-" + c);
            client.start();
            threads.add(client);
        }
        for (Thread client : threads) {
            client.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Throughput(expected.get() / elapsed,
                Latencies.of(latencies.stream().mapToDouble(Double::doubleValue).toArray()), unexpected.get());
    }
}
