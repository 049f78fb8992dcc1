package dev.leadflow.capture.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.TouchpointRecorded;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The rate limits with low values, against the real Redis. Capture trusts 127.0.0.1 as a reverse proxy here, so
 * each test plays its own clients through {@code X-Forwarded-For} and starts with fresh budgets. Each test uses
 * formIds of its own, so budgets never cross tests; a request the limits admit is judged only as "not 429" (an
 * unregistered formId is refused after the limits, by the form registry).
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class RateLimitTest {

    private static final int LEADS_PER_CLIENT = 3;
    private static final int LEADS_PER_FORM = 5;
    private static final int TOUCHPOINTS_PER_CLIENT = 10;
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** Low limits, one-minute windows, and the test's own address as the one trusted proxy. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "leadflow.capture.rate-limit.leads-per-client", String.valueOf(LEADS_PER_CLIENT),
                    "leadflow.capture.rate-limit.leads-per-form", String.valueOf(LEADS_PER_FORM),
                    "leadflow.capture.rate-limit.touchpoints-per-client", String.valueOf(TOUCHPOINTS_PER_CLIENT),
                    "leadflow.capture.rate-limit.redis-retry-interval", "200ms",
                    // A slow first round trip on a busy machine must not let a request through uncounted.
                    "leadflow.capture.rate-limit.redis-timeout", "5s",
                    "leadflow.capture.client-address.trusted-proxies", "127.0.0.1,::1");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @TestHTTPResource("/")
    URI base;

    @Test
    void answers429WithRetryAfterOnceAClientUsedUpItsLeadsAndPublishesNothingMore() {
        String client = newClient();
        for (int i = 0; i < LEADS_PER_CLIENT; i++) {
            assertAdmitted(postLead(client, uniqueEmail(), uniqueForm()));
        }
        double refusedBefore = rejected("client_rate_limit");
        String refusedEmail = uniqueEmail();

        Response refused = postLead(client, refusedEmail, uniqueForm());

        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:rate-limited"))
                .body("status", equalTo(429))
                .body("detail", containsString("This client"))
                .body("detail", containsString("per 60 s"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(refused.asString()).doesNotContain(client);
        assertThat(rejected("client_rate_limit")).isEqualTo(refusedBefore + 1);
        assertThat(published(LeadCaptured.TOPIC, refusedEmail)).isZero();
        // Other clients keep their own budgets.
        assertAdmitted(postLead(newClient(), uniqueEmail(), uniqueForm()));
    }

    @Test
    void countsAPlainHtmlFormPostLikeJson() {
        String client = newClient();
        for (int i = 0; i < LEADS_PER_CLIENT; i++) {
            assertAdmitted(postLead(client, uniqueEmail(), uniqueForm()));
        }
        given().header("X-Forwarded-For", client).contentType(ContentType.URLENC)
                .formParam("email", uniqueEmail()).formParam("formId", uniqueForm())
                .when().post("/api/v1/leads")
                .then().statusCode(429).contentType("application/problem+json");
    }

    @Test
    void answers429OnceAFormUsedUpItsBudgetWhicheverClientsSent() {
        String form = uniqueForm();
        for (int i = 0; i < LEADS_PER_FORM; i++) {
            assertAdmitted(postLead(newClient(), uniqueEmail(), form));
        }
        double refusedBefore = rejected("form_rate_limit");
        String refusedEmail = uniqueEmail();

        Response refused = postLead(newClient(), refusedEmail, form);

        refused.then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("This form"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(rejected("form_rate_limit")).isEqualTo(refusedBefore + 1);
        assertThat(published(LeadCaptured.TOPIC, refusedEmail)).isZero();
        assertAdmitted(postLead(newClient(), uniqueEmail(), uniqueForm()));
    }

    @Test
    void aRefusedRequestSpendsNothingSoAClientOverItsLimitLeavesTheFormsBudgetAlone() {
        String form = uniqueForm();
        String client = newClient();
        for (int i = 0; i < LEADS_PER_CLIENT; i++) {
            assertAdmitted(postLead(client, uniqueEmail(), form));
        }
        for (int i = 0; i < 10; i++) {
            postLead(client, uniqueEmail(), form).then().statusCode(429);
        }
        for (int i = LEADS_PER_CLIENT; i < LEADS_PER_FORM; i++) {
            assertAdmitted(postLead(newClient(), uniqueEmail(), form));
        }
        postLead(newClient(), uniqueEmail(), form).then().statusCode(429);
    }

    @Test
    void anInvalidSubmissionSpendsTheBudgetToo() {
        String client = newClient();
        for (int i = 0; i < LEADS_PER_CLIENT; i++) {
            postLead(client, "not-an-email", uniqueForm()).then().statusCode(400);
        }
        postLead(client, uniqueEmail(), uniqueForm()).then().statusCode(429);
    }

    @Test
    void ratesLimitTouchpointsPerClientOnABudgetOfTheirOwnCountingEveryItemOfABatch() {
        String client = newClient();
        for (int i = 0; i < LEADS_PER_CLIENT; i++) {
            assertAdmitted(postLead(client, uniqueEmail(), uniqueForm()));
        }
        postLead(client, uniqueEmail(), uniqueForm()).then().statusCode(429);

        String anonymousId = "rl-" + UUID.randomUUID();
        // A batch is admitted while the budget is not used up: 8, then 3 (11 of 10), then nothing.
        postTouchpoints(client, anonymousId, 8).then().statusCode(202);
        postTouchpoints(client, anonymousId, 3).then().statusCode(202);
        Response refused = postTouchpoints(client, anonymousId, 1);

        refused.then().statusCode(429).contentType("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        // A 202 means stored in the outbox; Kafka has the records a moment after the commit.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(published(TouchpointRecorded.TOPIC, anonymousId)).isEqualTo(11));
        postTouchpoints(newClient(), anonymousId, 1).then().statusCode(202);
    }

    @Test
    void aTrustedProxysChainCountsItsRightmostUntrustedAddressSoAForgedPrefixDoesNotEscape() {
        String client = newClient();
        for (int i = 0; i < LEADS_PER_CLIENT; i++) {
            assertAdmitted(postLead("203.0.113." + i + ", " + client, uniqueEmail(), uniqueForm()));
        }
        postLead("198.51.100.77, " + client, uniqueEmail(), uniqueForm()).then().statusCode(429);
    }

    @Test
    void ignoresXForwardedForFromAnUntrustedPeer() throws IOException {
        // 127.0.0.2 is not a trusted proxy: whatever it claims, it is counted as itself.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < LEADS_PER_CLIENT + 2; i++) {
            statuses.add(postLeadFrom("127.0.0.2", newClient()));
        }
        assertThat(statuses.subList(0, LEADS_PER_CLIENT)).doesNotContain(429);
        assertThat(statuses.subList(LEADS_PER_CLIENT, statuses.size())).containsOnly(429);
    }

    @Test
    void admitsUncountedWhileRedisIsDown() throws InterruptedException {
        String client = newClient();
        var redis = DevStackTestResource.shared().redis();
        redis.stop();
        try {
            for (int i = 0; i < LEADS_PER_CLIENT + 2; i++) {
                assertAdmitted(postLead(client, uniqueEmail(), uniqueForm()));
            }
        } finally {
            redis.start();
        }
        Thread.sleep(300); // past redis-retry-interval: the next request asks Redis again
        String afterwards = newClient();
        for (int i = 0; i < LEADS_PER_CLIENT; i++) {
            assertAdmitted(postLead(afterwards, uniqueEmail(), uniqueForm()));
        }
        postLead(afterwards, uniqueEmail(), uniqueForm()).then().statusCode(429);
    }

    /** Admitted by the rate limits: neither 429 nor a server error. */
    private static void assertAdmitted(Response response) {
        assertThat(response.statusCode()).isNotEqualTo(429).isLessThan(500);
    }

    private int postLeadFrom(String localAddress, String forwardedFor) throws IOException {
        byte[] body = ("{\"email\":\"" + uniqueEmail() + "\",\"formId\":\"" + uniqueForm() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), base.getPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/leads HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Forwarded-For: " + forwardedFor + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream statusLine = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                statusLine.write(b);
            }
            return Integer.parseInt(statusLine.toString(StandardCharsets.US_ASCII).split(" ")[1]);
        }
    }

    private static Response postLead(String forwardedFor, String email, String formId) {
        return given().header("X-Forwarded-For", forwardedFor).contentType(ContentType.JSON)
                .body(Map.of("email", email, "formId", formId))
                .when().post("/api/v1/leads");
    }

    private static Response postTouchpoints(String forwardedFor, String anonymousId, int count) {
        List<Map<String, String>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(Map.of("type", "page_view", "anonymousId", anonymousId));
        }
        return given().header("X-Forwarded-For", forwardedFor).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/touchpoints");
    }

    private long published(String topic, String mentioning) {
        return KafkaTopics.read(bootstrapServers, topic, r -> r.value().contains(mentioning)).size();
    }

    private static double rejected(String reason) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("leadflow_intake_rejected_total{") && line.contains(
                        "reason=\"" + reason + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    /** A client address of its own per call (TEST-NET-2 and -3 hold 512; a run needs far fewer). */
    private static String newClient() {
        int n = CLIENTS.incrementAndGet();
        return (n < 256 ? "198.51.100." : "203.0.113.") + (n % 256);
    }

    private static String uniqueForm() {
        return "rl-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String uniqueEmail() {
        return "rate-" + UUID.randomUUID() + "@example.com";
    }
}
