package dev.leadflow.systemtests.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.Topics;
import dev.leadflow.systemtests.LeadflowSystem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Drives the running system over HTTP at fixed rates (open loop: requests leave on schedule whatever the answers
 * do) with qualifying leads, and prints per rate: accepted leads/s, HTTP latency, capture -> scored and capture ->
 * routed latency from the events' own timestamps, how long scoring and routing needed after the last request to
 * catch up (a growing lag shows here), how soon after its 202 the public routing-status shows a sampled lead's owner
 * (what a thank-you page waits for), lost and duplicated leads, and the raw Kafka floor through the same number of
 * hops measured in the same run on the same broker.
 *
 * <pre>./mvnw -B -DskipTests -Pbenchmark verify -pl system-tests -am [-Dbenchmark.rates=50,100,200,1000 -Dbenchmark.seconds=30]</pre>
 */
public final class CaptureToRoutedBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final int KAFKA_HOPS = 3;
    private static final int CEILING_SECONDS = 15;
    private static final int CEILING_CLIENTS = 16;
    /** About the size of a {@code lead.captured} event with a full profile. */
    private static final int LEAD_CAPTURED_BYTES = 900;
    /** Rates up to this one also measure routing-status after the 202 (the goal is for the lower rate). */
    private static final int STATUS_MAX_RATE = 100;
    /** Every n-th lead of such a rate is followed on routing-status, long-polled {@link #STATUS_WAIT_SECONDS} at a time. */
    private static final int STATUS_SAMPLE_EVERY = 5;
    private static final int STATUS_WAIT_SECONDS = 10;
    private static final int STATUS_GIVE_UP_SECONDS = 60;

    private CaptureToRoutedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] rates = java.util.Arrays.stream(System.getProperty("benchmark.rates", "50,100,200,1000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.getInteger("benchmark.seconds", 30);
        List<String> rows = new ArrayList<>();
        Map<Integer, Map<String, Double>> cpu = new java.util.LinkedHashMap<>();
        List<String> lagRows = new ArrayList<>();
        List<String> ceilings = new ArrayList<>();
        try (LeadflowSystem system = LeadflowSystem.start("benchmark")) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            int warmUp = Integer.getInteger("benchmark.warmup-seconds", 60);
            System.out.printf("Warming up (JIT) for %d s at 40 leads/s...%n", warmUp);
            drive(system, http, 40, warmUp);
            for (int rate : rates) {
                Latencies floor = new KafkaFloor(system.kafkaBootstrapServers(), KAFKA_HOPS).measure(rate, seconds);
                Result result = drive(system, http, rate, seconds);
                cpu.put(rate, result.cpuPerLead());
                lagRows.add(String.format(Locale.ROOT, "| %d | %.0f / %.0f | %.0f / %.0f |", rate,
                        result.scoredLag().firstFifthP50(), result.scoredLag().lastFifthP50(),
                        result.routedLag().firstFifthP50(), result.routedLag().lastFifthP50()));
                rows.add(String.format(Locale.ROOT,
                        "| %d | %d | %.0f | %.1f / %.1f | %.0f / %.0f | %.0f / %.0f / %.0f | %.1f / %.1f | %s | %d | %d"
                                + " | %.1f / %.1f / %.1f |",
                        rate, result.sent, result.accepted / (double) seconds,
                        result.http.percentile(50), result.http.percentile(99),
                        result.captureToScored.percentile(50), result.captureToScored.percentile(99),
                        result.captureToRouted.percentile(50), result.captureToRouted.percentile(99),
                        result.captureToRouted.max(), result.scoredDrainSeconds, result.routedDrainSeconds,
                        result.status.count() == 0 ? "-" : String.format(Locale.ROOT, "%.0f / %.0f (%d)",
                                result.status.percentile(50), result.status.percentile(99), result.status.count()),
                        result.lost, result.duplicated, floor.percentile(50), floor.percentile(99), floor.max()));
            }
            ceilings.addAll(ceilings(system, http));
        }
        System.out.println();
        System.out.printf("Leadflow capture -> routed benchmark (%d s per rate, %d cores)%n", seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| target leads/s | sent | accepted leads/s | HTTP p50 / p99 ms | capture->scored p50 / p99 ms"
                + " | capture->routed p50 / p99 / max ms | caught up after last request: scored / routed s"
                + " | routing-status owner after 202 p50 / p99 ms (leads) | lost | duplicated | Kafka floor ("
                + KAFKA_HOPS + " hops) p50 / p99 / max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("Lag over the run: p50 ms of the leads captured in its first and in its last fifth (equal:"
                + " the stage keeps up; growing: a backlog builds)");
        System.out.println("| target leads/s | capture->scored first / last fifth | capture->routed first / last fifth |");
        System.out.println("|---|---|---|");
        lagRows.forEach(System.out::println);
        System.out.println();
        System.out.println("CPU per accepted lead, ms, by process, from the first request until every lead was routed"
                + " (idle work in that time included)");
        List<String> parts = cpu.values().stream().findFirst().map(m -> List.copyOf(m.keySet())).orElse(List.of());
        System.out.println("| target leads/s | " + String.join(" | ", parts) + " |");
        System.out.println("|---" + "|---".repeat(parts.size()) + "|");
        cpu.forEach((rate, perLead) -> System.out.println("| " + rate + " | " + String.join(" | ", parts.stream()
                .map(part -> String.format(Locale.ROOT, "%.1f", perLead.getOrDefault(part, 0.0))).toList()) + " |"));
        System.out.println();
        System.out.printf("Ceilings (%d s each, %d clients, measured last, in the same run)%n", CEILING_SECONDS,
                CEILING_CLIENTS);
        System.out.println("| measurement | per second | p50 / p99 ms | not as expected |");
        System.out.println("|---|---|---|---|");
        ceilings.forEach(System.out::println);
    }

    /**
     * Saturation, after the rates (its backlog would distort them): capture's accepted leads/s and latency with
     * every intake check on, next to a bare endpoint of the same process and raw Kafka produce on the same broker;
     * then how fast scoring alone works off what capture took.
     */
    private static List<String> ceilings(LeadflowSystem system, HttpClient http) throws Exception {
        double produce = new KafkaFloor(system.kafkaBootstrapServers(), KAFKA_HOPS)
                .produceRate(CEILING_SECONDS, LEAD_CAPTURED_BYTES);
        URI live = system.url("capture").resolve("/q/health/live");
        ClosedLoop.Throughput bare = ClosedLoop.run(http, CEILING_CLIENTS, CEILING_SECONDS, 200,
                n -> HttpRequest.newBuilder(live).timeout(Duration.ofSeconds(30)).GET().build());
        URI leads = system.url("capture").resolve("/api/v1/leads");
        String run = Long.toString(System.nanoTime(), 36);
        // Capture alone (the services behind it stopped), then scoring alone draining what capture took: whether
        // scoring keeps up with capture when each has the machine, apart from the cores the others share in a run.
        List<String> downstream = List.of("scoring", "routing", "attribution", "reporting");
        downstream.forEach(service -> system.service(service).stop());
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        ClosedLoop.Throughput intake = ClosedLoop.run(http, CEILING_CLIENTS, CEILING_SECONDS, 202,
                n -> HttpRequest.newBuilder(leads).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(qualifyingLead(run, n))).build(),
                body -> accepted.add(leadId(body)));
        double scoring = scoringDrainRate(system, accepted);
        downstream.stream().filter(service -> !service.equals("scoring"))
                .forEach(service -> system.service(service).start());
        downstream.forEach(service -> system.service(service).awaitReady(Duration.ofSeconds(180)));
        return List.of(
                String.format(Locale.ROOT, "| Kafka produce, %d-byte records, acks=all (floor) | %.0f | - | - |",
                        LEAD_CAPTURED_BYTES, produce),
                ceilingRow("capture GET /q/health/live (bare endpoint, floor)", bare),
                ceilingRow("capture POST /api/v1/leads accepted (202), the services behind it stopped", intake),
                String.format(Locale.ROOT, "| scoring alone, draining the %d leads capture just took (leads scored/s)"
                        + " | %.0f | - | - |", accepted.size(), scoring));
    }

    /**
     * Starts scoring-service (stopped, with {@code backlog} waiting on {@code leads.captured}) and returns how many of
     * them it scored per second, from its first {@code lead.scored} to the last (JVM start-up left out).
     */
    private static double scoringDrainRate(LeadflowSystem system, Set<String> backlog) throws Exception {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-drain-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.LEADS_SCORED));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.assignment().forEach(consumer::position);
            system.service("scoring").start();
            Set<String> waiting = ConcurrentHashMap.newKeySet();
            waiting.addAll(backlog);
            long first = 0;
            long last = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    if (waiting.remove(JSON.readValue(record.value(), LeadScored.class).leadId().toString())) {
                        long now = System.nanoTime();
                        first = first == 0 ? now : first;
                        last = now;
                    }
                }
            }
            int scored = backlog.size() - waiting.size();
            return scored < 2 || last == first ? Double.NaN : (scored - 1) / ((last - first) / 1e9);
        }
    }

    private static String ceilingRow(String what, ClosedLoop.Throughput throughput) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.1f / %.1f | %d |", what, throughput.perSecond(),
                throughput.latencies().percentile(50), throughput.latencies().percentile(99), throughput.unexpected());
    }

    private record Result(int sent, int accepted, Latencies http, Latencies captureToScored, Latencies captureToRouted,
            double scoredDrainSeconds, double routedDrainSeconds, Latencies status, int lost, int duplicated,
            Map<String, Double> cpuPerLead, Lag scoredLag, Lag routedLag) {
    }

    /** The median latency of the leads captured in the first and in the last fifth of a run. */
    private record Lag(double firstFifthP50, double lastFifthP50) {

        static Lag of(Map<String, Double> latency, Map<String, Instant> capturedAt, Set<String> accepted) {
            List<String> inCaptureOrder = accepted.stream()
                    .filter(id -> latency.containsKey(id) && capturedAt.containsKey(id))
                    .sorted(Comparator.comparing(capturedAt::get)).toList();
            int fifth = inCaptureOrder.size() / 5;
            return new Lag(p50(latency, inCaptureOrder.subList(0, fifth)),
                    p50(latency, inCaptureOrder.subList(inCaptureOrder.size() - fifth, inCaptureOrder.size())));
        }

        private static double p50(Map<String, Double> latency, List<String> leads) {
            return Latencies.of(leads.stream().mapToDouble(latency::get).toArray()).percentile(50);
        }
    }

    private static Result drive(LeadflowSystem system, HttpClient http, int rate, int seconds) throws Exception {
        AtomicBoolean listening = new AtomicBoolean(true);
        Map<String, Double> scoredLatency = new ConcurrentHashMap<>();
        Map<String, Instant> capturedAt = new ConcurrentHashMap<>();
        Map<String, Double> routedLatency = new ConcurrentHashMap<>();
        Map<String, Integer> routedRecords = new ConcurrentHashMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread listener = new Thread(() -> listen(system.kafkaBootstrapServers(), listening, ready, scoredLatency,
                capturedAt, routedLatency, routedRecords), "pipeline-listener");
        listener.start();
        ready.get(60, TimeUnit.SECONDS);

        ConcurrentLinkedQueue<Double> httpLatencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> statusLatencies = new ConcurrentLinkedQueue<>();
        URI routingStatus = system.url("routing");
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        URI leads = system.url("capture").resolve("/api/v1/leads");
        String run = Long.toString(System.nanoTime(), 36);
        int total = rate * seconds;
        Map<String, Duration> cpuBefore = ProcessCpu.snapshot(system);
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        for (int n = 0; n < total; n++) {
            long due = start + n * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            HttpRequest request = HttpRequest.newBuilder(leads).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(qualifyingLead(run, n))).build();
            boolean followStatus = rate <= STATUS_MAX_RATE && n % STATUS_SAMPLE_EVERY == 0;
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
                httpLatencies.add((System.nanoTime() - due) / 1_000_000.0);
                if (response.statusCode() != 202) {
                    return CompletableFuture.completedFuture(null);
                }
                String leadId = leadId(response.body());
                accepted.add(leadId);
                return followStatus ? ownerShown(http, routingStatus, leadId, System.nanoTime(), statusLatencies)
                        : CompletableFuture.completedFuture(null);
            }).handle((ignored, failure) -> null));
        }
        long lastRequest = System.nanoTime();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        double scoredDrain = Double.NaN;
        double routedDrain = Double.NaN;
        long drainDeadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < drainDeadline && (Double.isNaN(scoredDrain) || Double.isNaN(routedDrain))) {
            double sinceLastRequest = (System.nanoTime() - lastRequest) / 1e9;
            if (Double.isNaN(scoredDrain) && scoredLatency.keySet().containsAll(accepted)) {
                scoredDrain = sinceLastRequest;
            }
            if (Double.isNaN(routedDrain) && routedLatency.keySet().containsAll(accepted)) {
                routedDrain = sinceLastRequest;
            }
            Thread.sleep(50);
        }
        Map<String, Double> cpuPerLead = ProcessCpu.perLead(cpuBefore, ProcessCpu.snapshot(system), accepted.size());
        Thread.sleep(2000); // late duplicates, if any, would arrive now
        listening.set(false);
        listener.join(10_000);
        int lost = (int) accepted.stream().filter(id -> !routedLatency.containsKey(id)).count();
        double[] routed = accepted.stream().filter(routedLatency::containsKey).mapToDouble(routedLatency::get).toArray();
        double[] scored = accepted.stream().filter(scoredLatency::containsKey).mapToDouble(scoredLatency::get).toArray();
        return new Result(total, accepted.size(), Latencies.of(httpLatencies.stream().mapToDouble(d -> d).toArray()),
                Latencies.of(scored), Latencies.of(routed), scoredDrain, routedDrain,
                Latencies.of(statusLatencies.stream().mapToDouble(d -> d).toArray()), lost,
                accepted.stream().mapToInt(id -> Math.max(0, routedRecords.getOrDefault(id, 0) - 1)).sum(),
                cpuPerLead, Lag.of(scoredLatency, capturedAt, accepted), Lag.of(routedLatency, capturedAt, accepted));
    }

    /**
     * Polls the public routing-status of a lead, as a thank-you page would, until it names the owner, and records
     * the milliseconds since the 202; gives up after 10 s (the lead then counts in no percentile).
     */
    private static CompletableFuture<Void> ownerShown(HttpClient http, URI routing, String leadId, long acceptedAt,
            ConcurrentLinkedQueue<Double> latencies) {
        // Long polling, as a thank-you page would: the request is answered the moment the lead has an owner.
        HttpRequest poll = HttpRequest.newBuilder(routing.resolve("/api/v1/leads/" + leadId
                        + "/routing-status?wait=" + STATUS_WAIT_SECONDS))
                .timeout(Duration.ofSeconds(STATUS_WAIT_SECONDS + 5)).GET().build();
        return http.sendAsync(poll, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() == 200 && response.body().contains("\"routed\":true")) {
                latencies.add((System.nanoTime() - acceptedAt) / 1_000_000.0);
                return CompletableFuture.completedFuture(null);
            }
            if (System.nanoTime() - acceptedAt > TimeUnit.SECONDS.toNanos(STATUS_GIVE_UP_SECONDS)) {
                // Not shown in time: counted against the percentiles, not left out of them.
                latencies.add(Double.POSITIVE_INFINITY);
                return CompletableFuture.completedFuture(null);
            }
            return ownerShown(http, routing, leadId, acceptedAt, latencies);
        });
    }

    private static void listen(String bootstrapServers, AtomicBoolean listening, CompletableFuture<Void> ready,
            Map<String, Double> scoredLatency, Map<String, Instant> capturedAt, Map<String, Double> routedLatency,
            Map<String, Integer> routedRecords) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.LEADS_SCORED, Topics.LEADS_ROUTED));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.assignment().forEach(p -> consumer.position(p));
            ready.complete(null);
            while (listening.get()) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.topic().equals(Topics.LEADS_SCORED)) {
                        LeadScored scored = JSON.readValue(record.value(), LeadScored.class);
                        scoredLatency.putIfAbsent(scored.leadId().toString(),
                                Duration.between(scored.capturedAt(), scored.scoredAt()).toNanos() / 1_000_000.0);
                        capturedAt.putIfAbsent(scored.leadId().toString(), scored.capturedAt());
                        continue;
                    }
                    LeadRouted routed = JSON.readValue(record.value(), LeadRouted.class);
                    if (routed.reassignments() > 0) {
                        continue; // a reassignment after a missed first-contact SLA: neither a routing nor a duplicate
                    }
                    String leadId = routed.leadId().toString();
                    routedRecords.merge(leadId, 1, Integer::sum);
                    routedLatency.putIfAbsent(leadId,
                            Duration.between(routed.capturedAt(), routed.routedAt()).toNanos() / 1_000_000.0);
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
            ready.completeExceptionally(e);
            throw new IllegalStateException(e);
        }
    }

    private static String qualifyingLead(String run, int n) {
        return """
                {"formId":"benchmark","email":"lead%d.%s@bench-%d.example","firstName":"Bench","lastName":"Mark",
                 "company":"Bench Corp %d","jobTitle":"VP Sales","companySize":"1000+","country":"US",
                 "pageUrl":"https://www.example.com/pricing"}""".formatted(n, run, n % 97, n % 97);
    }

    private static String leadId(String body) {
        try {
            return JSON.readTree(body).get("leadId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
