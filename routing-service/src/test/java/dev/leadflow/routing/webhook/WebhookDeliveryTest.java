package dev.leadflow.routing.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadSlaBreached;
import dev.leadflow.events.OwnerType;
import dev.leadflow.events.Topics;
import dev.leadflow.routing.Qualifications;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery end to end against a real HTTP receiver started by the test: Kafka in, PostgreSQL for the
 * deliveries, the JDK HTTP client out. The test profile allows 3 attempts with waits of about 200 and 400 ms and
 * polls every 2 s, so anything faster than that came from the wake-up after commit or a scheduled retry.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class WebhookDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static TestReceiver receiver;

    @Inject
    ObjectMapper objectMapper;
    @Inject
    EntityManager entityManager;
    @Inject
    MeterRegistry registry;
    @Inject
    WebhookDeliveries deliveries;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final List<String> created = new ArrayList<>();

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new TestReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @AfterEach
    void deleteEndpoints() {
        created.forEach(id -> given().auth().oauth2(TestTokens.admin()).delete("/api/v1/webhooks/{id}", id)
                .then().statusCode(204));
    }

    @Test
    void deliversARoutedLeadSignedAsACloudEventWithTheBodyExactlyAsOnKafka() throws Exception {
        Endpoint endpoint = create("/crm", List.of("lead.routed"), true);
        LeadQualified qualified = Qualifications.of(UUID.randomUUID());
        double deliveredBefore = counter("leadflow_webhook_deliveries_total", "outcome", "delivered");

        KafkaTopics.send(bootstrapServers, Topics.LEADS_QUALIFIED, qualified.leadId().toString(),
                objectMapper.writeValueAsString(qualified), LeadQualified.TYPE, qualified.eventId().toString());

        TestReceiver.Received request = await().atMost(PATIENCE)
                .until(() -> receiver.received("/crm", qualified.leadId().toString()), r -> !r.isEmpty()).get(0);
        ConsumerRecord<String, String> record = KafkaTopics.readByKey(bootstrapServers, Topics.LEADS_ROUTED,
                qualified.leadId().toString()).get(0);
        assertThat(request.body()).isEqualTo(record.value());
        String eventId = objectMapper.readValue(record.value(), LeadRouted.class).eventId().toString();
        assertThat(request.header("ce-id")).isEqualTo(eventId).isEqualTo(KafkaTopics.header(record, "ce_id"));
        assertThat(request.header("ce-type")).isEqualTo("lead.routed");
        assertThat(request.header("ce-source")).isEqualTo("/leadflow/routing-service")
                .isEqualTo(KafkaTopics.header(record, "ce_source"));
        assertThat(request.header("ce-specversion")).isEqualTo("1.0");
        assertThat(Instant.parse(request.header("ce-time")))
                .isEqualTo(OffsetDateTime.parse(KafkaTopics.header(record, "ce_time")).toInstant());
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("webhook-id")).isEqualTo(eventId);
        assertSigned(request, endpoint.secret());
        long latency = request.receivedAtMillis() - record.timestamp();
        System.out.printf("lead.routed on Kafka -> webhook received: %d ms%n", latency);
        assertThat(latency).as("woken right after commit, not by the 2 s poll").isLessThan(1000);

        JsonPath log = deliveries(endpoint.id(), null);
        assertThat(log.getList("deliveries")).hasSize(1);
        assertThat(log.getString("deliveries[0].eventId")).isEqualTo(eventId);
        assertThat(log.getString("deliveries[0].leadId")).isEqualTo(qualified.leadId().toString());
        assertThat(log.getString("deliveries[0].status")).isEqualTo("delivered");
        assertThat(log.getInt("deliveries[0].attempts")).isEqualTo(1);
        assertThat(log.getInt("deliveries[0].attemptLog[0].httpStatus")).isEqualTo(200);
        assertThat(log.getString("deliveries[0].attemptLog[0].outcome")).isEqualTo("delivered");
        assertThat(log.getLong("deliveries[0].attemptLog[0].latencyMs")).isBetween(0L, 5000L);
        assertThat(counter("leadflow_webhook_deliveries_total", "outcome", "delivered")).isGreaterThan(deliveredBefore);
        assertThat(given().get("/q/metrics").asString()).contains("leadflow_webhook_deliveries_pending")
                .contains("leadflow_webhook_deliveries_total{outcome=\"dead\"}");
    }

    @Test
    void deliversAnEventDeliveredTwiceOnKafkaOnce() throws Exception {
        Endpoint endpoint = create("/once", List.of("lead.routed"), true);
        LeadRouted routed = routed(UUID.randomUUID());
        double duplicatesBefore = counter("leadflow_events_consumed_total", "consumer",
                WebhookEventConsumer.ROUTED_CONSUMER, "outcome", "duplicate");

        publish(routed);
        publish(routed);

        await().atMost(PATIENCE).until(() -> counter("leadflow_events_consumed_total", "consumer",
                WebhookEventConsumer.ROUTED_CONSUMER, "outcome", "duplicate") > duplicatesBefore);
        await().atMost(PATIENCE).until(() -> receiver.received("/once", routed.leadId().toString()).size() == 1);
        Thread.sleep(500);
        assertThat(receiver.received("/once", routed.leadId().toString())).hasSize(1);
        assertThat(deliveries(endpoint.id(), null).getList("deliveries")).hasSize(1);
    }

    @Test
    void retriesAFailingReceiverUnderTheSameWebhookIdUntilItSucceeds() throws Exception {
        receiver.answer("/flaky", (request, earlier) -> earlier < 2 ? 503 : 200);
        Endpoint endpoint = create("/flaky", List.of("lead.routed"), true);
        LeadRouted routed = routed(UUID.randomUUID());

        publish(routed);

        List<TestReceiver.Received> requests = await().atMost(PATIENCE)
                .until(() -> receiver.received("/flaky", routed.leadId().toString()), r -> r.size() == 3);
        assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(routed.eventId().toString());
        requests.forEach(request -> assertSigned(request, endpoint.secret()));
        JsonPath delivery = await().atMost(PATIENCE).until(() -> deliveries(endpoint.id(), "delivered"),
                log -> log.getList("deliveries").size() == 1);
        assertThat(delivery.getInt("deliveries[0].attempts")).isEqualTo(3);
        assertThat(delivery.getList("deliveries[0].attemptLog.attempt", Integer.class)).containsExactly(1, 2, 3);
        assertThat(delivery.getList("deliveries[0].attemptLog.httpStatus", Integer.class))
                .containsExactly(503, 503, 200);
        assertThat(delivery.getList("deliveries[0].attemptLog.outcome", String.class))
                .containsExactly("retried", "retried", "delivered");
        assertThat(delivery.getList("deliveries[0].attemptLog.error", String.class))
                .containsExactly("HTTP 503", "HTTP 503", null);
        List<Instant> times = delivery.getList("deliveries[0].attemptLog.attemptedAt", String.class).stream()
                .map(Instant::parse).toList();
        assertThat(Duration.between(times.get(0), times.get(1))).as("first backoff, 200 ms +-20 %")
                .isGreaterThanOrEqualTo(Duration.ofMillis(160));
        assertThat(Duration.between(times.get(1), times.get(2))).as("second backoff, 400 ms +-20 %")
                .isGreaterThanOrEqualTo(Duration.ofMillis(320));
    }

    @Test
    void deadLettersAnAlwaysFailingReceiverAfterTheMaximumAttemptsAndRedeliversOnRequest() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean();
        receiver.answer("/down", (request, earlier) -> healthy.get() ? 200 : 500);
        Endpoint endpoint = create("/down", List.of("lead.routed"), true);
        LeadRouted routed = routed(UUID.randomUUID());
        double deadBefore = counter("leadflow_webhook_deliveries_total", "outcome", "dead");

        publish(routed);

        JsonPath dead = await().atMost(PATIENCE).until(() -> deliveries(endpoint.id(), "dead"),
                log -> log.getList("deliveries").size() == 1);
        assertThat(dead.getInt("deliveries[0].attempts")).isEqualTo(3);
        assertThat(dead.getString("deliveries[0].lastError")).isEqualTo("gave up after 3 attempts: HTTP 500");
        assertThat(dead.getString("deliveries[0].nextAttemptAt")).isNull();
        assertThat(dead.getString("deliveries[0].finishedAt")).isNotNull();
        assertThat(dead.getList("deliveries[0].attemptLog.outcome", String.class))
                .containsExactly("retried", "retried", "dead");
        assertThat(receiver.received("/down", routed.leadId().toString())).hasSize(3);
        assertThat(counter("leadflow_webhook_deliveries_total", "outcome", "dead")).isEqualTo(deadBefore + 1);
        assertThat(deliveries(endpoint.id(), "pending").getList("deliveries")).isEmpty();

        healthy.set(true);
        String deliveryId = dead.getString("deliveries[0].deliveryId");
        given().auth().oauth2(TestTokens.admin())
                .post("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", endpoint.id(), deliveryId)
                .then().statusCode(202).body("status", equalTo("pending"));

        JsonPath delivered = await().atMost(PATIENCE).until(() -> deliveries(endpoint.id(), "delivered"),
                log -> log.getList("deliveries").size() == 1);
        assertThat(delivered.getList("deliveries[0].attemptLog.httpStatus", Integer.class))
                .containsExactly(500, 500, 500, 200);
        assertThat(delivered.getInt("deliveries[0].attempts")).as("counted since the redelivery").isEqualTo(1);
        assertThat(receiver.received("/down", routed.leadId().toString())).hasSize(4)
                .extracting(r -> r.header("webhook-id")).containsOnly(routed.eventId().toString());
        given().auth().oauth2(TestTokens.admin())
                .post("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", endpoint.id(), deliveryId)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void doesNotRetryABadRequest() throws Exception {
        receiver.answer("/reject", (request, earlier) -> 400);
        Endpoint endpoint = create("/reject", List.of("lead.routed"), true);
        LeadRouted routed = routed(UUID.randomUUID());

        publish(routed);

        JsonPath failed = await().atMost(PATIENCE).until(() -> deliveries(endpoint.id(), "failed"),
                log -> log.getList("deliveries").size() == 1);
        assertThat(failed.getInt("deliveries[0].attempts")).isEqualTo(1);
        assertThat(failed.getString("deliveries[0].lastError")).isEqualTo("HTTP 400: not retried");
        assertThat(failed.getList("deliveries[0].attemptLog.outcome", String.class)).containsExactly("failed");
        Thread.sleep(1500); // longer than every backoff step of the test profile
        assertThat(receiver.received("/reject", routed.leadId().toString())).hasSize(1);
    }

    @Test
    void deliversADeliveryLeftDueInTheTableWithoutAnyWakeUp() throws Exception {
        // What a dispatcher that died mid-attempt leaves behind: a pending row whose lease has run out. Nothing wakes
        // the dispatcher for it; the table alone brings it to the receiver (on the next poll).
        Endpoint endpoint = create("/restart", List.of("lead.routed"), true);
        UUID leadId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String body = "{\"eventId\":\"" + eventId + "\",\"leadId\":\"" + leadId + "\"}";
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, event_source, event_time,
                            lead_id, payload, status, attempts, next_attempt_at, created_at)
                        VALUES (gen_random_uuid(), ?1, ?2, 'lead.routed', '/leadflow/routing-service', now(), ?3, ?4,
                            'pending', 1, now() - interval '1 second', now() - interval '1 minute')""")
                .setParameter(1, UUID.fromString(endpoint.id()))
                .setParameter(2, eventId)
                .setParameter(3, leadId)
                .setParameter(4, body)
                .executeUpdate());

        TestReceiver.Received request = await().atMost(PATIENCE)
                .until(() -> receiver.received("/restart", leadId.toString()), r -> r.size() == 1).get(0);
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.header("webhook-id")).isEqualTo(eventId.toString());
        assertSigned(request, endpoint.secret());
        JsonPath delivered = await().atMost(PATIENCE).until(() -> deliveries(endpoint.id(), "delivered"),
                log -> log.getList("deliveries").size() == 1);
        assertThat(delivered.getInt("deliveries[0].attempts")).isEqualTo(2);
    }

    @Test
    void deliversEachEventTypeToTheActiveEndpointsSubscribedToIt() throws Exception {
        create("/routed-only", List.of("lead.routed"), true);
        create("/both", List.of("lead.routed", "lead.sla-breached"), true);
        create("/inactive", List.of("lead.routed", "lead.sla-breached"), false);
        create("/breaches-only", List.of("lead.sla-breached"), true);
        LeadRouted routed = routed(UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LeadSlaBreached breached = new LeadSlaBreached(UUID.randomUUID(), routed.leadId(), routed.ownerId(),
                routed.routedAt(), routed.slaDueAt(), now);

        publish(routed);
        KafkaTopics.send(bootstrapServers, Topics.LEADS_SLA_BREACHED, breached.leadId().toString(),
                objectMapper.writeValueAsString(breached), LeadSlaBreached.TYPE, breached.eventId().toString());

        String lead = routed.leadId().toString();
        await().atMost(PATIENCE).until(() -> receiver.received("/both", lead).size() == 2
                && receiver.received("/routed-only", lead).size() == 1
                && receiver.received("/breaches-only", lead).size() == 1);
        assertThat(receiver.received("/both", lead)).extracting(r -> r.header("ce-type"))
                .containsExactlyInAnyOrder("lead.routed", "lead.sla-breached");
        assertThat(receiver.received("/routed-only", lead).get(0).header("ce-type")).isEqualTo("lead.routed");
        TestReceiver.Received breach = receiver.received("/breaches-only", lead).get(0);
        assertThat(breach.header("ce-type")).isEqualTo("lead.sla-breached");
        assertThat(breach.header("webhook-id")).isEqualTo(breached.eventId().toString());
        Thread.sleep(500);
        assertThat(receiver.received("/inactive", lead)).isEmpty();
    }

    @Test
    void signsWithTheNewSecretOnceItIsRotated() throws Exception {
        Endpoint endpoint = create("/rotated", List.of("lead.routed"), true);
        String rotated = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/rotated"), "eventTypes", List.of("lead.routed"),
                        "rotateSecret", true))
                .put("/api/v1/webhooks/{id}", endpoint.id())
                .then().statusCode(200).extract().path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(endpoint.secret());
        LeadRouted routed = routed(UUID.randomUUID());

        publish(routed);

        TestReceiver.Received request = await().atMost(PATIENCE)
                .until(() -> receiver.received("/rotated", routed.leadId().toString()), r -> r.size() == 1).get(0);
        assertSigned(request, rotated);
        assertThat(request.header("webhook-signature"))
                .isNotEqualTo(signature(endpoint.secret(), request));
    }

    @Test
    void purgesDeliveredDeliveriesPastTheirRetentionButKeepsUndeliveredOnes() {
        Endpoint endpoint = create("/purge", List.of("lead.routed"), true);
        UUID oldDelivered = insertFinished(endpoint, "delivered", 8);
        UUID recentDelivered = insertFinished(endpoint, "delivered", 1);
        UUID oldDead = insertFinished(endpoint, "dead", 8);
        UUID oldFailed = insertFinished(endpoint, "failed", 8);

        int purged = QuarkusTransaction.requiringNew().call(() ->
                deliveries.purgeDelivered(Instant.now().minus(Duration.ofDays(7))));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(deliveries(endpoint.id(), null).getList("deliveries.deliveryId", String.class))
                .containsExactlyInAnyOrder(recentDelivered.toString(), oldDead.toString(), oldFailed.toString())
                .doesNotContain(oldDelivered.toString());
    }

    private UUID insertFinished(Endpoint endpoint, String status, int daysAgo) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, event_source, event_time,
                            payload, status, attempts, created_at, finished_at)
                        VALUES (?1, ?2, gen_random_uuid(), 'lead.routed', '/leadflow/routing-service', now(), '{}', ?3,
                            1, now() - make_interval(days => ?4), now() - make_interval(days => ?4))""")
                .setParameter(1, id)
                .setParameter(2, UUID.fromString(endpoint.id()))
                .setParameter(3, status)
                .setParameter(4, daysAgo)
                .executeUpdate());
        return id;
    }

    private Endpoint create(String path, List<String> eventTypes, boolean active) {
        JsonPath created = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "eventTypes", eventTypes, "active", active))
                .post("/api/v1/webhooks")
                .then().statusCode(201).extract().jsonPath();
        Endpoint endpoint = new Endpoint(created.getString("id"), created.getString("secret"));
        this.created.add(endpoint.id());
        return endpoint;
    }

    private JsonPath deliveries(String endpointId, String status) {
        var request = given().auth().oauth2(TestTokens.viewer());
        if (status != null) {
            request = request.queryParam("status", status);
        }
        return request.get("/api/v1/webhooks/{id}/deliveries", endpointId)
                .then().statusCode(200).extract().jsonPath();
    }

    private void publish(LeadRouted routed) throws Exception {
        KafkaTopics.send(bootstrapServers, Topics.LEADS_ROUTED, routed.leadId().toString(),
                objectMapper.writeValueAsString(routed), LeadRouted.TYPE, routed.eventId().toString());
    }

    private static LeadRouted routed(UUID leadId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new LeadRouted(UUID.randomUUID(), leadId, UUID.randomUUID(), "alice", "Alice Adams", OwnerType.REP,
                "everyone-else", "rule everyone-else: round robin in team demo", now.minusSeconds(2),
                now.minusSeconds(1), now, now.plus(Duration.ofMinutes(5)), Qualifications.PROFILE, 120,
                Qualifications.REASONS);
    }

    /** Verifies the signature as a receiver would: HMAC-SHA256 of "id.timestamp.body" with the decoded secret. */
    private static void assertSigned(TestReceiver.Received request, String secret) {
        long timestamp = Long.parseLong(request.header("webhook-timestamp"));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).as("timestamp is now").isLessThan(60);
        assertThat(request.header("webhook-signature")).isEqualTo(signature(secret, request));
    }

    private static String signature(String secret, TestReceiver.Received request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "."
                    + request.body();
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double counter(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private record Endpoint(String id, String secret) {
    }
}
