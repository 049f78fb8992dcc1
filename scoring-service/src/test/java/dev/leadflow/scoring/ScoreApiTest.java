package dev.leadflow.scoring;

import static dev.leadflow.scoring.support.TestEvents.coordinatorWithGmail;
import static dev.leadflow.scoring.support.TestEvents.touchpoint;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.events.TouchpointTypes;
import dev.leadflow.scoring.modelstore.ScoringModelStore;
import dev.leadflow.scoring.support.KafkaTestClient;
import dev.leadflow.scoring.support.OutboxProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The HTTP surface: scores, problem details, health, metrics and the OpenAPI document. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ScoreApiTest {

    @Inject
    KafkaTestClient kafka;
    @Inject
    OutboxProbe outbox;
    @Inject
    ScoringModelStore models;

    @Test
    void returnsALeadsScoreWithTheReasonsThatAddUpToIt() {
        UUID leadId = UUID.randomUUID();
        LeadCaptured captured = coordinatorWithGmail(leadId);
        kafka.send(LeadCaptured.TOPIC, leadId.toString(), LeadCaptured.TYPE, captured);
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.published(LeadScored.TOPIC, leadId.toString()) == 1);

        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scores/{leadId}", leadId)
                .then().statusCode(200)
                .contentType("application/json")
                .body("leadId", equalTo(leadId.toString()))
                .body("modelVersion", equalTo(models.active().modelVersion()))
                .body("fit", equalTo(-15))
                .body("engagement", equalTo(45))
                .body("total", equalTo(30))
                .body("threshold", equalTo(100))
                .body("qualified", equalTo(false))
                .body("qualifiedAt", nullValue())
                .body("qualificationId", nullValue())
                .body("grade", equalTo("D2"))
                .body("stage", equalTo("lead"))
                .body("reasons.ruleId", hasItems("target-country", "free-mail", "form-submit", "pricing-page"))
                .body("reasons.points.sum()", equalTo(30))
                .body("reasons.evidence", not(hasItems(containsString("sam@"))))
                .body("reasons.find { it.ruleId == 'free-mail' }.details[0].field", equalTo("email"))
                .body("reasons.find { it.ruleId == 'free-mail' }.details[0].value", equalTo("@gmail.com"))
                .body("reasons.find { it.ruleId == 'form-submit' }.details[0].touchpointType", equalTo("form_submit"))
                .body("reasons.find { it.ruleId == 'form-submit' }.details[0].url", equalTo("acme.example/pricing"))
                .body("reasons.find { it.ruleId == 'form-submit' }.details[0].points", equalTo(20))
                .body("reasons.find { it.ruleId == 'form-submit' }.details[0].touchpointId",
                        equalTo(captured.eventId().toString()));
    }

    @Test
    void keepsEveryPublishedScoreOfALeadNewestFirst() {
        UUID leadId = UUID.randomUUID();
        kafka.send(LeadCaptured.TOPIC, leadId.toString(), LeadCaptured.TYPE, coordinatorWithGmail(leadId));
        kafka.send(TouchpointRecorded.TOPIC, leadId.toString(), TouchpointRecorded.TYPE,
                touchpoint(leadId, TouchpointTypes.WEBINAR, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.published(LeadScored.TOPIC, leadId.toString()) == 2);

        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scores/{leadId}/history", leadId)
                .then().statusCode(200)
                .contentType("application/json")
                .body("size()", equalTo(2))
                .body("total", contains(45, 30))
                .body("[0].reasons.points.sum()", equalTo(45))
                .body("[1].reasons.points.sum()", equalTo(30))
                .body("[0].reasons.ruleId", hasItems("webinar"))
                .body("[1].reasons.ruleId", not(hasItems("webinar")))
                .body("grade", contains("D1", "D2"))
                .body("stage", contains("lead", "lead"))
                .body("modelVersion", everyItem(equalTo(models.active().modelVersion())));
    }

    @Test
    void answersTheHistoryOfAnUnknownOrMalformedLeadWithAProblem() {
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scores/{leadId}/history", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scores/nope/history")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("leadId"));
    }

    @Test
    void answersAnUnknownLeadWithA404Problem() {
        UUID unknown = UUID.randomUUID();

        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scores/{leadId}", unknown)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Unknown lead"))
                .body("detail", equalTo("No score for lead " + unknown))
                .body("type", containsString("unknown-lead"));
    }

    @Test
    void answersAMalformedLeadIdWithA400ProblemNamingTheField() {
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scores/not-a-uuid")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("leadId"))
                .body("errors[0].rule", equalTo("pattern"))
                .body("errors[0].message", equalTo("must be a UUID"))
                .body(not(containsString("Exception")));
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        given().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void isReadyWhenKafkaAndPostgresqlAre() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void exportsTheScoringCountersToPrometheus() {
        given().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("leadflow_leads_scored_total"))
                .body(containsString("leadflow_leads_qualified_total"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/scores/{leadId}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/scores/{leadId}/history"));
    }
}
