package dev.leadflow.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of uniquely identifiable submissions to capture-service, as forms and a tracker would send them:
 * new qualifying leads, new cold leads, returning leads (same email, other case and page) and touchpoint batches.
 * Every submission carries its own {@code Idempotency-Key} and is retried under it, as a careful client would,
 * until it is answered 202: after {@code Retry-After} on 503 or 409, after a second when nothing answered.
 * Every attempt's outcome is kept, so the suite can judge the answers as well as what reached the topics.
 */
final class LeadTraffic implements AutoCloseable {

    /** An answer later than this is a hang, whatever the fault (documented in the README). */
    static final Duration ANSWER_BOUND = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI capture;
    private final String tag;
    private final double ratePerSecond;
    private final Duration giveUpAfter;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService clients = Executors.newFixedThreadPool(48);
    private final Queue<Submission> submissions = new ConcurrentLinkedQueue<>();
    private final List<Submission> acceptedNewLeads = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Set<String> personalData = ConcurrentHashMap.newKeySet();

    LeadTraffic(URI capture, String tag, double ratePerSecond, Duration giveUpAfter) {
        this.capture = capture;
        this.tag = tag;
        this.ratePerSecond = ratePerSecond;
        this.giveUpAfter = giveUpAfter;
    }

    /** Starts sending; returns at once. */
    void start() {
        long periodMicros = (long) (1_000_000 / ratePerSecond);
        ticker.scheduleAtFixedRate(() -> {
            Submission submission = next();
            submissions.add(submission);
            clients.execute(() -> send(submission));
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** The tag every submitted email and name carries (phone numbers cannot). */
    String tag() {
        return tag;
    }

    /** Every email, name and phone number submitted so far, as sent and as published (E.164). */
    Set<String> personalData() {
        return Set.copyOf(personalData);
    }

    /** Stops sending new submissions and waits until every one sent so far is accepted or given up. */
    List<Submission> stop() {
        ticker.shutdown();
        clients.shutdown();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            if (!clients.awaitTermination(giveUpAfter.toSeconds() + 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Submissions still running after " + giveUpAfter);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return List.copyOf(submissions);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        clients.shutdownNow();
    }

    private Submission next() {
        int n = sequence.incrementAndGet();
        int kind = n % 10;
        if (kind == 3 || kind == 7) {
            Optional<Submission> earlier = anyAcceptedNewLead();
            if (earlier.isPresent()) {
                return returning(earlier.get(), n);
            }
        }
        if (kind == 5 || kind == 9) {
            Optional<Submission> earlier = anyAcceptedNewLead();
            if (earlier.isPresent()) {
                return touchpoints(earlier.get(), n);
            }
        }
        return newLead(n, kind % 2 == 0);
    }

    private Submission newLead(int n, boolean qualifying) {
        String visitor = tag + "-v" + n;
        Map<String, Object> body;
        if (qualifying) {
            // Names and phone are distinctive, so the suite can look for them in every service's log.
            String phone = String.format("+49 30 2%07d", n % 10_000_000);
            body = Map.ofEntries(Map.entry("formId", "demo-request"),
                    Map.entry("email", "vp." + tag + "." + n + "@enterprise-" + n % 7 + ".example"),
                    Map.entry("firstName", "Vera" + tag), Map.entry("lastName", "Lead" + tag + "n" + n),
                    Map.entry("phone", phone), Map.entry("company", "Enterprise " + n % 7),
                    Map.entry("jobTitle", "VP Engineering"), Map.entry("companySize", "1000+"),
                    Map.entry("country", "DE"), Map.entry("pageUrl", "https://www.example.com/pricing"),
                    Map.entry("anonymousId", visitor));
            personalData.addAll(List.of((String) body.get("firstName"), (String) body.get("lastName"), phone,
                    phone.replace(" ", "")));
        } else {
            body = Map.of("formId", "newsletter", "email", "reader." + tag + "." + n + "@gmail.com",
                    "jobTitle", "Student", "companySize", "1-10", "country", "BR",
                    "pageUrl", "https://www.example.com/blog", "anonymousId", visitor);
        }
        personalData.add((String) body.get("email"));
        return new Submission(n, qualifying ? Kind.QUALIFYING : Kind.COLD, "/api/v1/leads", json(body),
                (String) body.get("email"), null);
    }

    private Submission returning(Submission earlier, int n) {
        // Same person, other spelling of the address: must keep the leadId.
        String email = earlier.email().toUpperCase();
        Map<String, Object> body = Map.of("formId", earlier.kind() == Kind.QUALIFYING ? "demo-request" : "newsletter",
                "email", email, "pageUrl", "https://www.example.com/visit/" + n);
        return new Submission(n, Kind.RETURNING, "/api/v1/leads", json(body), earlier.email(), earlier);
    }

    private Submission touchpoints(Submission earlier, int n) {
        String url = earlier.kind() == Kind.QUALIFYING ? "https://www.example.com/pricing" : "https://www.example.com/blog";
        List<Map<String, Object>> batch = List.of(
                Map.of("type", "page_view", "leadId", earlier.leadId().toString(), "url", url + "?n=" + n),
                Map.of("type", "page_view", "anonymousId", tag + "-v" + earlier.number(), "url", url + "?a=" + n));
        return new Submission(n, Kind.TOUCHPOINTS, "/api/v1/touchpoints", json(batch), earlier.email(), earlier);
    }

    private Optional<Submission> anyAcceptedNewLead() {
        if (acceptedNewLeads.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(acceptedNewLeads.get(ThreadLocalRandom.current().nextInt(acceptedNewLeads.size())));
    }

    private void send(Submission submission) {
        Instant giveUp = Instant.now().plus(giveUpAfter);
        while (Instant.now().isBefore(giveUp)) {
            Attempt attempt = attempt(submission);
            submission.attempts().add(attempt);
            if (attempt.status() == 202) {
                submission.accept(attempt.body());
                if (submission.kind() == Kind.QUALIFYING || submission.kind() == Kind.COLD) {
                    acceptedNewLeads.add(submission);
                }
                return;
            }
            if (attempt.status() >= 400 && attempt.status() != 503 && attempt.status() != 409) {
                return; // a wrong answer: judged by the suite, retrying would only repeat it
            }
            sleep(attempt.retryAfterSeconds() > 0 ? Math.min(attempt.retryAfterSeconds(), 5) * 1000L : 1000L);
        }
    }

    private Attempt attempt(Submission submission) {
        HttpRequest request = HttpRequest.newBuilder(capture.resolve(submission.path()))
                .timeout(ANSWER_BOUND)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", submission.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(submission.body()))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            int retryAfter = response.headers().firstValue("Retry-After").map(LeadTraffic::seconds).orElse(-1);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Attempt(response.statusCode(), retryAfter, contentType, response.body(),
                    response.headers().firstValue("Idempotent-Replayed").isPresent(), millis, null);
        } catch (HttpTimeoutException e) {
            return new Attempt(Attempt.TIMED_OUT, -1, "", "", false, (System.nanoTime() - start) / 1_000_000,
                    "no answer within " + ANSWER_BOUND.toSeconds() + " s");
        } catch (IOException e) {
            return new Attempt(Attempt.NO_ANSWER, -1, "", "", false, (System.nanoTime() - start) / 1_000_000,
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(Attempt.NO_ANSWER, -1, "", "", false, 0, "interrupted");
        }
    }

    private static int seconds(String header) {
        try {
            return Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    enum Kind { QUALIFYING, COLD, RETURNING, TOUCHPOINTS }

    /** One HTTP answer (or its absence) to one attempt of a submission. */
    record Attempt(int status, int retryAfterSeconds, String contentType, String body, boolean replayed, long millis,
            String error) {
        static final int NO_ANSWER = -1;
        static final int TIMED_OUT = -2;

        /** 202, or a 503/409 a client knows to retry: problem+json with Retry-After. */
        boolean isClear() {
            if (status == 202) {
                return true;
            }
            return (status == 503 || status == 409) && retryAfterSeconds > 0
                    && contentType.startsWith("application/problem+json");
        }
    }

    /** One logical submission and everything that happened to it. */
    static final class Submission {
        private final int number;
        private final Kind kind;
        private final String path;
        private final String body;
        private final String email;
        private final Submission earlier;
        private final String idempotencyKey = UUID.randomUUID().toString();
        private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        private final Instant firstSentAt = Instant.now();
        private volatile UUID leadId;
        private volatile List<UUID> touchpointIds = List.of();

        Submission(int number, Kind kind, String path, String body, String email, Submission earlier) {
            this.number = number;
            this.kind = kind;
            this.path = path;
            this.body = body;
            this.email = email;
            this.earlier = earlier;
        }

        int number() {
            return number;
        }

        Kind kind() {
            return kind;
        }

        String path() {
            return path;
        }

        String body() {
            return body;
        }

        String email() {
            return email;
        }

        /** The earlier submission a returning lead or a touchpoint batch refers to. */
        Submission earlier() {
            return earlier;
        }

        String idempotencyKey() {
            return idempotencyKey;
        }

        List<Attempt> attempts() {
            return attempts;
        }

        Instant firstSentAt() {
            return firstSentAt;
        }

        boolean accepted() {
            return attempts.stream().anyMatch(a -> a.status() == 202);
        }

        /** The leadId this submission concerns: from its own 202 or, for touchpoints, from the lead it refers to. */
        UUID leadId() {
            return kind == Kind.TOUCHPOINTS ? earlier.leadId() : leadId;
        }

        List<UUID> touchpointIds() {
            return touchpointIds;
        }

        void accept(String answer) {
            try {
                JsonNode json = JSON.readTree(answer);
                if (json.has("leadId")) {
                    leadId = UUID.fromString(json.get("leadId").asText());
                }
                if (json.has("touchpointIds")) {
                    List<UUID> ids = new ArrayList<>();
                    json.get("touchpointIds").forEach(id -> ids.add(UUID.fromString(id.asText())));
                    touchpointIds = List.copyOf(ids);
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("A 202 without a readable body: " + answer, e);
            }
        }
    }
}
