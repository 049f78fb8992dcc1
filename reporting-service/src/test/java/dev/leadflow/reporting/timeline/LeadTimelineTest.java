package dev.leadflow.reporting.timeline;

import static dev.leadflow.reporting.KafkaTestSupport.send;
import static dev.leadflow.reporting.TestEvents.captured;
import static dev.leadflow.reporting.TestEvents.contacted;
import static dev.leadflow.reporting.TestEvents.qualified;
import static dev.leadflow.reporting.TestEvents.routed;
import static dev.leadflow.reporting.TestEvents.scored;
import static dev.leadflow.reporting.TestEvents.slaBreached;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.LeadflowEvent;
import dev.leadflow.reporting.TestEvents;
import dev.leadflow.reporting.TimelineClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class LeadTimelineTest {

    private final UUID leadId = UUID.randomUUID();
    private final Instant capturedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Instant scoredAt = capturedAt.plusMillis(150);
    private final Instant qualifiedAt = capturedAt.plusMillis(160);
    private final Instant routedAt = capturedAt.plusMillis(2_500);

    @Test
    void showsCapturedScoredQualifiedAndRoutedInLifecycleOrder() {
        send(lifecycle().toArray(LeadflowEvent[]::new));

        assertShowsTheFourStages(awaitEvents(4));
    }

    @Test
    void buildsTheSameTimelineWhenEventsArriveInReverseOrder() {
        List<LeadflowEvent> reversed = new ArrayList<>(lifecycle());
        Collections.reverse(reversed);
        for (int i = 0; i < reversed.size(); i++) {
            // One at a time, each projected before the next is sent, so the projection sees exactly this order.
            send(reversed.get(i));
            awaitEvents(i + 1);
        }

        assertShowsTheFourStages(awaitEvents(4));
    }

    @Test
    void addsContactAndSlaBreachToTheTimeline() {
        Instant breachedAt = routedAt.plus(Duration.ofMinutes(5));
        Instant contactedAt = routedAt.plus(Duration.ofMinutes(7));
        send(routed(leadId, capturedAt, qualifiedAt, routedAt), slaBreached(leadId, routedAt, breachedAt),
                contacted(leadId, contactedAt));

        awaitEvents(3)
                .body("events.type", contains("lead.routed", "lead.sla-breached", "lead.contacted"))
                .body("events[2].summary", equalTo("contacted by rep-alice via phone"))
                .body("stages.contactedAt", equalTo(contactedAt.toString()))
                .body("stages.slaBreachedAt", equalTo(breachedAt.toString()))
                .body("stages.scoredAt", nullValue());
    }

    @Test
    void answersNotFoundProblemForALeadWithoutEvents() {
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/leads/{leadId}/timeline", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Lead not found"))
                .body("type", equalTo("https://leadflow.dev/problems/not-found"));
    }

    @Test
    void answersBadRequestProblemForAMalformedLeadId() {
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/leads/{leadId}/timeline", "not-a-uuid")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("leadId"))
                .body("errors.rule", contains("uuid"))
                .body("detail", not(containsString("Exception")));
    }

    private List<LeadflowEvent> lifecycle() {
        return List.of(captured(leadId, capturedAt), scored(leadId, capturedAt, scoredAt),
                qualified(leadId, capturedAt, qualifiedAt), routed(leadId, capturedAt, qualifiedAt, routedAt));
    }

    private ValidatableResponse awaitEvents(int count) {
        TimelineClient.awaitEventCount(leadId, count);
        return given().auth().oauth2(TestTokens.viewer()).get("/api/v1/leads/{leadId}/timeline", leadId)
                .then().statusCode(200);
    }

    private void assertShowsTheFourStages(ValidatableResponse timeline) {
        timeline.contentType("application/json")
                .body("leadId", equalTo(leadId.toString()))
                .body("stages.capturedAt", equalTo(capturedAt.toString()))
                .body("stages.scoredAt", equalTo(scoredAt.toString()))
                .body("stages.qualifiedAt", equalTo(qualifiedAt.toString()))
                .body("stages.routedAt", equalTo(routedAt.toString()))
                .body("stages.contactedAt", nullValue())
                .body("score", equalTo(115))
                .body("owner.name", equalTo("Alice Adams"))
                .body("events.type", contains("lead.captured", "lead.scored", "lead.qualified", "lead.routed"))
                .body("events.occurredAt", contains(capturedAt.toString(), scoredAt.toString(),
                        qualifiedAt.toString(), routedAt.toString()))
                .body("events.summary", contains("captured from form demo-request",
                        "scored 115 (fit 75, engagement 40)", "qualified with score 115 (threshold 100)",
                        "routed to Alice Adams by rule round-robin"))
                .body(not(containsString(TestEvents.EMAIL)));
    }
}
