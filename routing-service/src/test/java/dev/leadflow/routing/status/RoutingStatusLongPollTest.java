package dev.leadflow.routing.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.Topics;
import dev.leadflow.routing.Qualifications;
import dev.leadflow.routing.assignment.LeadRouter;
import dev.leadflow.routing.repository.RoutingDecisionRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Long polling of the public routing status against the real stack: Kafka in, PostgreSQL, the HTTP API. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class RoutingStatusLongPollTest {

    private static final String STATUS = "/api/v1/leads/{leadId}/routing-status";
    private static final List<String> DEMO_OWNERS = List.of("Alice Martin", "Bob Chen", "Carol Diaz");

    @Inject
    LeadRouter router;
    @Inject
    RoutingDecisionRepository decisions;
    @Inject
    EntityManager entityManager;
    @Inject
    MeterRegistry registry;
    @Inject
    ObjectMapper objectMapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @AfterEach
    void nothingStaysHeld() {
        await().atMost(Duration.ofSeconds(5)).until(() -> waiting() == 0);
    }

    @Test
    void answersAHeldRequestWithTheOwnerRightAfterTheLeadIsRoutedFromKafka() throws Exception {
        LeadQualified qualified = Qualifications.of(UUID.randomUUID());
        double routedBefore = answered("routed");
        CompletableFuture<Timed> held = holdFor(qualified.leadId(), 10);

        KafkaTopics.send(bootstrapServers, Topics.LEADS_QUALIFIED, qualified.leadId().toString(),
                objectMapper.writeValueAsString(qualified), LeadQualified.TYPE, qualified.eventId().toString());
        long published = System.nanoTime();
        Timed answer = held.get(15, TimeUnit.SECONDS);

        answer.response().then().statusCode(200).contentType("application/json")
                .body("leadId", equalTo(qualified.leadId().toString()))
                .body("routed", equalTo(true))
                .body("ownerType", equalTo("rep"));
        Map<String, Object> status = answer.response().jsonPath().getMap("");
        assertThat(status).containsOnlyKeys("leadId", "routed", "ownerName", "ownerType", "ownerBookingLink");
        assertThat((String) status.get("ownerName")).isIn(DEMO_OWNERS);
        Instant routedAt = QuarkusTransaction.requiringNew()
                .call(() -> decisions.findLatestByLead(qualified.leadId()).orElseThrow().getRoutedAt());
        Duration afterDecision = Duration.between(routedAt, answer.answeredAt());
        Duration afterPublish = Duration.ofNanos(answer.answeredNanos() - published);
        System.out.printf("Long poll wake-up (same instance): answered %d ms after lead.qualified was published, "
                        + "%d ms after the decision's routedAt; request held %d ms%n", afterPublish.toMillis(),
                afterDecision.toMillis(), answer.took().toMillis());
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(5));
        assertThat(answered("routed")).isEqualTo(routedBefore + 1);
    }

    @Test
    void answersAfterTheCommitAndNotForARoutingThatRolledBack() throws Exception {
        LeadQualified qualified = Qualifications.of(UUID.randomUUID());
        CompletableFuture<Timed> held = holdFor(qualified.leadId(), 2);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            router.route(qualified);
            QuarkusTransaction.setRollbackOnly();
        })).isInstanceOf(QuarkusTransactionException.class);
        Timed answer = held.get(10, TimeUnit.SECONDS);

        answer.response().then().statusCode(200).body("routed", equalTo(false)).body("ownerName", nullValue());
        assertThat(answer.took()).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void answersUnroutedOnceTheWaitIsOver() throws Exception {
        UUID leadId = UUID.randomUUID();
        double timeoutsBefore = answered("timeout");

        Timed answer = holdFor(leadId, 1).get(10, TimeUnit.SECONDS);

        answer.response().then().statusCode(200).contentType("application/json")
                .body("leadId", equalTo(leadId.toString()))
                .body("routed", equalTo(false))
                .body("ownerName", nullValue())
                .body("ownerType", nullValue())
                .body("ownerBookingLink", nullValue());
        assertThat(answer.took()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        assertThat(answered("timeout")).isEqualTo(timeoutsBefore + 1);
    }

    @Test
    void answersAtOnceWhenTheLeadIsAlreadyRouted() {
        UUID leadId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> router.route(Qualifications.of(leadId)));
        double immediateBefore = answered("immediate");
        double routedBefore = answered("routed");

        long start = System.nanoTime();
        Response response = given().queryParam("wait", 10).get(STATUS, leadId);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        response.then().statusCode(200).body("routed", equalTo(true));
        assertThat(response.jsonPath().getString("ownerName")).isIn(DEMO_OWNERS);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(answered("immediate")).isEqualTo(immediateBefore + 1);
        assertThat(answered("routed")).isEqualTo(routedBefore);
    }

    @Test
    void wakesThroughTheSweepWhenAnotherInstanceRoutedTheLead() throws Exception {
        UUID leadId = UUID.randomUUID();
        CompletableFuture<Timed> held = holdFor(leadId, 10);

        // What another instance's routing leaves here: a committed row, and no in-process notification.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO routing_decision (id, lead_id, qualification_id, owner_id, owner_name, owner_type,
                               rule_id, reason, candidates, score, captured_at, qualified_at, routed_at, sla_due_at,
                               owner_booking_link)
                        VALUES (?1, ?2, ?3, 'carol', 'Carol Diaz', 'rep', 'everyone-else', 'another instance',
                               '{carol}', 120, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', '2020-01-01T00:00:01Z',
                               '2020-01-01T00:05:01Z', 'https://meet.leadflow.example/carol')""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, leadId).setParameter(3, UUID.randomUUID())
                .executeUpdate());
        long committed = System.nanoTime();
        Timed answer = held.get(15, TimeUnit.SECONDS);

        answer.response().then().statusCode(200)
                .body("routed", equalTo(true))
                .body("ownerName", equalTo("Carol Diaz"))
                .body("ownerType", equalTo("rep"))
                .body("ownerBookingLink", equalTo("https://meet.leadflow.example/carol"));
        Duration afterCommit = Duration.ofNanos(answer.answeredNanos() - committed);
        System.out.printf("Long poll wake-up (another instance, sweep every 200 ms): answered %d ms after the "
                + "commit%n", afterCommit.toMillis());
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void answersWaitZeroAtOnceAsWithoutWait() {
        UUID leadId = UUID.randomUUID();
        double immediateBefore = answered("immediate");
        double timeoutsBefore = answered("timeout");

        List<Response> responses = List.of(given().queryParam("wait", 0).get(STATUS, leadId), given().get(STATUS, leadId));
        for (Response response : responses) {
            response.then().statusCode(200).contentType("application/json")
                    .body("leadId", equalTo(leadId.toString()))
                    .body("routed", equalTo(false))
                    .body("ownerName", nullValue());
        }

        assertThat(answered("immediate")).isEqualTo(immediateBefore + 2);
        assertThat(answered("timeout")).isEqualTo(timeoutsBefore);
    }

    @Test
    void rejectsAWaitOutsideZeroToThirtySecondsWithAProblemNamingIt() {
        for (String wait : new String[] {"31", "abc", "-1", "1.5", "100000000000"}) {
            given().queryParam("wait", wait).get(STATUS, UUID.randomUUID())
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://leadflow.dev/problems/validation"))
                    .body("status", equalTo(400))
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("wait"))
                    .body("errors[0].rule", equalTo("pattern"))
                    .body("errors[0].message", equalTo("must be a whole number of seconds from 0 to 30"));
        }
    }

    @Test
    void namesEveryInvalidParameter() {
        given().queryParam("wait", "31").get("/api/v1/leads/not-a-uuid/routing-status")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("leadId", "wait"));
    }

    @Test
    void letsAThankYouPageOnAnotherOriginWaitForTheOwner() {
        given().header("Origin", "https://www.customer.example").queryParam("wait", 1)
                .get(STATUS, UUID.randomUUID())
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://www.customer.example")
                .body("routed", equalTo(false));
    }

    @Test
    void exposesTheHeldRequestsAndAnswersAsMetrics() throws Exception {
        UUID leadId = UUID.randomUUID();
        CompletableFuture<Timed> held = holdFor(leadId, 10);

        String whileHeld = given().get("/q/metrics").then().statusCode(200).extract().asString();
        QuarkusTransaction.requiringNew().run(() -> router.route(Qualifications.of(leadId)));
        held.get(15, TimeUnit.SECONDS).response().then().body("routed", equalTo(true));

        assertThat(whileHeld).contains("leadflow_routing_status_waiting 1.0");
        String after = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(after).contains("leadflow_routing_status_waiting 0.0")
                .contains("leadflow_routing_status_answered_total{outcome=\"routed\"}")
                .contains("leadflow_routing_status_answered_total{outcome=\"timeout\"}")
                .contains("leadflow_routing_status_answered_total{outcome=\"immediate\"}");
    }

    @Test
    void stopsHoldingARequestWhoseClientLeft() throws Exception {
        double before = waiting();
        try (Socket client = new Socket("localhost", RestAssured.port)) {
            client.getOutputStream().write(("GET /api/v1/leads/" + UUID.randomUUID() + "/routing-status?wait=30 "
                    + "HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> waiting() > before);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> waiting() == before);
    }

    /** Sends {@code ?wait=seconds} in the background and returns once the service holds it. */
    private CompletableFuture<Timed> holdFor(UUID leadId, int seconds) {
        double before = waiting();
        CompletableFuture<Timed> answer = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            Response response = given().queryParam("wait", seconds).get(STATUS, leadId);
            long end = System.nanoTime();
            return new Timed(response, Duration.ofNanos(end - start), end, Instant.now());
        });
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> waiting() > before);
        return answer;
    }

    private double waiting() {
        Gauge gauge = registry.find("leadflow_routing_status_waiting").gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private double answered(String outcome) {
        Counter counter = registry.find("leadflow_routing_status_answered_total").tags("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private record Timed(Response response, Duration took, long answeredNanos, Instant answeredAt) {
    }
}
