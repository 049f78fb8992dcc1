package dev.leadflow.reporting.funnel.rest;

import static dev.leadflow.reporting.KafkaTestSupport.send;
import static dev.leadflow.reporting.TestEvents.captured;
import static dev.leadflow.reporting.TestEvents.contacted;
import static dev.leadflow.reporting.TestEvents.qualified;
import static dev.leadflow.reporting.TestEvents.routed;
import static dev.leadflow.reporting.TestEvents.scored;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class FunnelEndpointTest {

    @Test
    void countsTheLeadsCapturedInTheWindowThatReachedEachStage() {
        // A window in the past that no other test captures leads in.
        Instant from = Instant.parse("2001-01-01T00:00:00Z").plus(Duration.ofHours(ThreadLocalRandom.current()
                .nextInt(100_000)));
        Instant to = from.plus(Duration.ofHours(1));
        UUID routedLead = UUID.randomUUID();
        UUID scoredLead = UUID.randomUUID();
        UUID capturedLead = UUID.randomUUID();
        UUID capturedBeforeWindow = UUID.randomUUID();
        Instant at = from.plusSeconds(60);
        send(captured(routedLead, at), scored(routedLead, at, at.plusMillis(100)),
                qualified(routedLead, at, at.plusMillis(100)),
                routed(routedLead, at, at.plusMillis(100), at.plusSeconds(2)),
                captured(scoredLead, to.minusMillis(1)), scored(scoredLead, to.minusMillis(1), to.plusSeconds(1)),
                captured(capturedLead, from),
                captured(capturedBeforeWindow, from.minusMillis(1)), contacted(capturedBeforeWindow, from.plusSeconds(5)));

        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.viewer())
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/reports/funnel").jsonPath().getMap("counts"),
                counts -> counts.equals(Map.of("captured", 3, "scored", 2, "qualified", 1, "routed", 1, "contacted", 0)));
        given().auth().oauth2(TestTokens.viewer())
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/reports/funnel")
                .then().statusCode(200)
                .body("from", equalTo(from.toString()))
                .body("to", equalTo(to.toString()))
                .body("counts.captured", equalTo(3))
                .body("counts.scored", equalTo(2))
                .body("counts.qualified", equalTo(1))
                .body("counts.routed", equalTo(1))
                .body("counts.contacted", equalTo(0))
                .body("conversions.from", contains("captured", "scored", "qualified", "routed"))
                .body("conversions.to", contains("scored", "qualified", "routed", "contacted"))
                .body("conversions.rate", contains(0.6667f, 0.5f, 1.0f, 0.0f));
    }

    @Test
    void coversAllTimeWithoutAWindow() {
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reports/funnel")
                .then().statusCode(200)
                .body("from", nullValue())
                .body("to", nullValue())
                .body("conversions", hasSize(4));
    }

    @Test
    void answersAProblemNamingEachMalformedInstant() {
        given().auth().oauth2(TestTokens.viewer())
                .queryParam("from", "yesterday").queryParam("to", "2026-13-01")
                .get("/api/v1/reports/funnel")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://leadflow.dev/problems/validation"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("detail", equalTo("2 parameters are invalid"))
                .body("errors.field", contains("from", "to"))
                .body("errors.rule", contains("iso-instant", "iso-instant"));
    }

    @Test
    void answersAProblemForAWindowThatEndsBeforeItStarts() {
        given().auth().oauth2(TestTokens.viewer())
                .queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .get("/api/v1/reports/funnel")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("to"))
                .body("errors.rule", contains("after-from"));
    }
}
