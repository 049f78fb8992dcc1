package dev.leadflow.scoring;

import static dev.leadflow.scoring.support.ModelApi.DEMO_MODEL;
import static dev.leadflow.scoring.support.ModelApi.YAML;
import static dev.leadflow.scoring.support.ModelApi.awaitFinished;
import static dev.leadflow.scoring.support.ModelApi.yaml;
import static dev.leadflow.scoring.support.TestEvents.capture;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadStageChanged;
import dev.leadflow.scoring.modelstore.ScoringModelStore;
import dev.leadflow.scoring.support.KafkaTestClient;
import dev.leadflow.scoring.support.ModelApi;
import dev.leadflow.scoring.support.OutboxProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Model management on the real stack: the stored model read as JSON or YAML, replaced (validated, versioned,
 * optimistic If-Match), every lead re-scored in the background, and drafts previewed without changing anything. Every
 * test leaves the demo model's rules active, and the model changes only score leads of a company made up per test, so
 * the other tests' leads keep their points.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ScoringModelApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    KafkaTestClient kafka;
    @Inject
    OutboxProbe outbox;
    @Inject
    ScoringModelStore models;
    @Inject
    EntityManager entityManager;

    @Test
    void servesTheActiveModelAsJsonByDefaultAndAsItsYamlDocumentOnRequest() {
        int version = models.active().version();

        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scoring/model")
                .then().statusCode(200)
                .contentType("application/json")
                .header("ETag", "\"" + version + "\"")
                .body("version", equalTo(version))
                .body("label", equalTo("demo-2026.1"))
                .body("source", notNullValue())
                .body("createdAt", notNullValue())
                .body("model.threshold", equalTo(100))
                .body("model.fit.id", hasItem("senior-title"));

        given().auth().oauth2(TestTokens.viewer()).accept("application/yaml").get("/api/v1/scoring/model")
                .then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .header("ETag", "\"" + version + "\"")
                .header("Leadflow-Model-Source", notNullValue())
                .header("Last-Modified", notNullValue())
                .body(containsString("version: demo-2026.1"), containsString("threshold: 100"));

        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scoring/model/versions")
                .then().statusCode(200)
                .body("[0].version", equalTo(version))
                .body("version", hasItem(1))
                .body("find { it.version == 1 }.source", equalTo("file classpath:scoring/demo-model.yaml"));
    }

    @Test
    void rejectsAnInvalidModelNamingEachRuleAndFieldAndStoresNothing() {
        long versions = outbox.rows("scoring_model");
        String invalid = """
                version: broken
                fit:
                  - {id: senior, description: Senior, points: 35, condition: {type: field-matches, field: jobTitle, pattern: '(vp'}}
                  - {id: titled, description: Titled, points: 5, condition: {type: field-present, field: title}}
                engagement:
                  - {id: pricing, description: Pricing, pionts: 25, condition: {type: touchpoint-url-matches, pattern: pricing}}
                """;

        given().auth().oauth2(TestTokens.admin()).contentType(YAML).body(yaml(invalid)).put("/api/v1/scoring/model")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://leadflow.dev/problems/invalid-scoring-model"))
                .body("errors", hasSize(4))
                .body("errors.find { it.rule == \"fit[0] 'senior'\" }.field", equalTo("condition.pattern"))
                .body("errors.find { it.rule == \"fit[1] 'titled'\" }.field", equalTo("condition.field"))
                .body("errors.find { it.rule == \"engagement[0] 'pricing'\" && it.field == 'pionts' }.message",
                        containsString("unknown key"))
                .body("errors.find { it.rule == \"engagement[0] 'pricing'\" && it.field == 'points' }.message",
                        containsString("is required"));

        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{\"version\": ")
                .put("/api/v1/scoring/model")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("model"))
                .body("errors[0].message", containsString("not valid JSON"));

        assertThat(outbox.rows("scoring_model")).isEqualTo(versions);
    }

    @Test
    void refusesAChangeBasedOnAnOlderVersion() {
        int version = models.active().version();

        given().auth().oauth2(TestTokens.admin()).contentType(YAML).header("If-Match", "\"" + (version - 1) + "\"")
                .body(yaml(DEMO_MODEL)).put("/api/v1/scoring/model")
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://leadflow.dev/problems/model-version-conflict"))
                .body("detail", containsString("active model is version " + version));

        given().auth().oauth2(TestTokens.admin()).contentType(YAML).header("If-Match", "latest")
                .body(yaml(DEMO_MODEL)).put("/api/v1/scoring/model")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));

        assertThat(models.active().version()).isEqualTo(version);
    }

    @Test
    void rescoresEveryLeadWithANewModelQualifyingThoseItLiftsAndNeverUnqualifyingAnMql() {
        String company = "Rescorable " + UUID.randomUUID();
        UUID director = UUID.randomUUID();
        UUID vp = UUID.randomUUID();
        send(capture(director, profile("Director of IT", "201-500", company), false, "https://acme.example/", null));
        send(capture(vp, profile("VP Marketing", "1000+", company), false, "https://acme.example/pricing", null));
        awaitCount(() -> outbox.published(LeadScored.TOPIC, director.toString()), 1);
        awaitCount(() -> outbox.published(LeadQualified.TOPIC, vp.toString()), 1);
        int before = models.active().version();

        // The demo model plus 30 points for the made-up company: the director (80) qualifies, the VP (an MQL) rises.
        Response stored = given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .header("If-Match", "\"" + before + "\"").body(demoModelJsonWithBonusFor(company))
                .put("/api/v1/scoring/model");
        stored.then().statusCode(200)
                .header("ETag", "\"" + (before + 1) + "\"")
                .body("version", equalTo(before + 1))
                .body("source", equalTo("api"))
                .body("createdBy", notNullValue())
                .body("model.fit.id", hasItem("rescorable"))
                .body("latestRescore.modelVersion", equalTo(before + 1));
        assertThat(models.active().version()).as("active at once on the instance that stored it").isEqualTo(before + 1);
        awaitFinished(stored.path("latestRescore.id"));

        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scoring/rescores/{id}", (String) stored.path("latestRescore.id"))
                .then().statusCode(200)
                .body("status", equalTo("finished"))
                .body("percentDone", equalTo(100))
                .body("finishedAt", notNullValue());
        List<LeadQualified> qualified = awaitEvents(LeadQualified.TOPIC, director, LeadQualified.class, 1);
        assertThat(qualified.get(0).modelVersion()).isEqualTo(Integer.toString(before + 1));
        assertThat(qualified.get(0).total()).isEqualTo(110);
        List<LeadScored> directorScores = awaitEvents(LeadScored.TOPIC, director, LeadScored.class, 2);
        assertThat(directorScores).extracting(LeadScored::total).containsExactly(80, 110);
        assertThat(awaitEvents(LeadStageChanged.TOPIC, director, LeadStageChanged.class, 2))
                .extracting(LeadStageChanged::to).containsExactly("lead", "mql");
        List<LeadScored> vpScores = awaitEvents(LeadScored.TOPIC, vp, LeadScored.class, 2);
        assertThat(vpScores.get(1).total()).isEqualTo(vpScores.get(0).total() + 30);
        assertThat(outbox.published(LeadQualified.TOPIC, vp.toString())).as("an MQL does not qualify twice")
                .isEqualTo(1);
        assertThat(ModelApi.rescored("model", "qualified")).isGreaterThanOrEqualTo(1);

        // Back to the demo model: the director drops to 80 but stays an MQL; nobody is un-qualified.
        Response restored = given().auth().oauth2(TestTokens.admin()).contentType(YAML)
                .header("If-Match", "\"" + (before + 1) + "\"").body(yaml(DEMO_MODEL)).put("/api/v1/scoring/model");
        restored.then().statusCode(200).body("version", equalTo(before + 2));
        awaitFinished(restored.path("latestRescore.id"));
        assertThat(awaitEvents(LeadScored.TOPIC, director, LeadScored.class, 3)).extracting(LeadScored::total)
                .containsExactly(80, 110, 80);
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scores/{leadId}", director)
                .then().statusCode(200)
                .body("total", equalTo(80))
                .body("stage", equalTo("mql"))
                .body("qualified", equalTo(true))
                .body("modelVersion", equalTo(Integer.toString(before + 2)));
        assertThat(outbox.published(LeadQualified.TOPIC, director.toString())).isEqualTo(1);
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scoring/model")
                .then().body("latestRescore.id", equalTo(restored.path("latestRescore.id")));
    }

    @Test
    void resumesAJobAnotherInstanceLeftUnfinished() {
        UUID jobId = UUID.randomUUID();
        int version = models.active().version();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO rescore_job (id, trigger, model_version, status, total, started_at, updated_at)
                        SELECT ?1, 'model', ?2, 'running', count(*), now(), now() FROM scored_lead""")
                .setParameter(1, jobId)
                .setParameter(2, version)
                .executeUpdate());

        awaitFinished(jobId.toString());

        Response job = given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scoring/rescores/{id}", jobId);
        int done = job.path("done");
        int total = job.path("total");
        assertThat(done).isGreaterThanOrEqualTo(total).isPositive();
    }

    @Test
    void previewsADraftOnTheLatestLeadsWithoutChangingAnything() {
        String company = "Previewed " + UUID.randomUUID();
        UUID director = UUID.randomUUID();
        send(capture(director, profile("Director of IT", "201-500", company), false, "https://acme.example/", null));
        awaitCount(() -> outbox.published(LeadScored.TOPIC, director.toString()), 1);
        Map<String, Long> rowsBefore = rows();

        // The latest captured lead is this test's director: 80 points now, 110 with the draft.
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body(demoModelJsonWithBonusFor(company)).post("/api/v1/scoring/preview?leads=1")
                .then().statusCode(200)
                .body("evaluated", equalTo(1))
                .body("qualifyingNow", equalTo(0))
                .body("qualifyingWithDraft", equalTo(1))
                .body("newlyQualifying", equalTo(1))
                .body("noLongerQualifying", equalTo(0))
                .body("gradesNow.A3", equalTo(1))
                .body("gradesWithDraft.A3", equalTo(1))
                .body("biggestMovers", hasSize(1))
                .body("biggestMovers[0].leadId", equalTo(director.toString()))
                .body("biggestMovers[0].currentTotal", equalTo(80))
                .body("biggestMovers[0].draftTotal", equalTo(110))
                .body("biggestMovers[0].delta", equalTo(30))
                .body("biggestMovers[0].rules", hasSize(1))
                .body("biggestMovers[0].rules[0].ruleId", equalTo("rescorable"))
                .body("biggestMovers[0].rules[0].currentPoints", equalTo(0))
                .body("biggestMovers[0].rules[0].draftPoints", equalTo(30));

        given().auth().oauth2(TestTokens.admin()).contentType(YAML).body(yaml(DEMO_MODEL)).post("/api/v1/scoring/preview")
                .then().statusCode(200)
                .body("biggestMovers", hasSize(0));

        assertThat(rows()).as("no events, no rows").isEqualTo(rowsBefore);
        assertThat(outbox.published(LeadScored.TOPIC, director.toString())).isEqualTo(1);
    }

    @Test
    void refusesAPreviewOfTooFewOrTooManyLeadsOrOfAnInvalidDraft() {
        for (String leads : new String[] {"0", "10001", "many", "-1"}) {
            given().auth().oauth2(TestTokens.admin()).contentType(YAML).body(yaml(DEMO_MODEL))
                    .post("/api/v1/scoring/preview?leads=" + leads)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("leads"))
                    .body("errors[0].rule", equalTo("range"));
        }
        given().auth().oauth2(TestTokens.admin()).contentType(YAML).body(yaml("version: draft\nthreshold: high\n"))
                .post("/api/v1/scoring/preview")
                .then().statusCode(400)
                .body("errors.field", hasItem("threshold"));
    }

    @Test
    void answersAnUnknownOrMalformedRescoreIdWithAProblem() {
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scoring/rescores/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Unknown rescore job"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scoring/rescores/not-a-uuid")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    private static LeadProfile profile(String jobTitle, String companySize, String company) {
        return new LeadProfile("pat@" + UUID.randomUUID() + ".example", "Pat", "Lee", company, jobTitle, null, "DE",
                companySize, null);
    }

    private void send(LeadCaptured captured) {
        kafka.send(LeadCaptured.TOPIC, captured.leadId().toString(), LeadCaptured.TYPE, captured);
    }

    private Map<String, Long> rows() {
        return Map.of("outbox_event", outbox.rows("outbox_event"), "scored_lead", outbox.rows("scored_lead"),
                "score_history", outbox.rows("score_history"), "scoring_model", outbox.rows("scoring_model"),
                "rescore_job", outbox.rows("rescore_job"), "touchpoint", outbox.rows("touchpoint"));
    }

    private static void awaitCount(Supplier<Long> count, long expected) {
        await().atMost(PATIENCE).until(() -> count.get() >= expected);
        assertThat(count.get()).isEqualTo(expected);
    }

    private <T> List<T> awaitEvents(String topic, UUID leadId, Class<T> type, int count) {
        await().atMost(PATIENCE).until(() -> kafka.records(topic, leadId.toString()).size() >= count);
        return kafka.events(topic, leadId.toString(), type);
    }

    /** The demo model plus 30 fit points for the company. */
    private static String demoModelJsonWithBonusFor(String company) {
        return ModelApi.demoModelWith("fit", rule -> rule.put("id", "rescorable")
                .put("description", "A company this test made up")
                .put("points", 30)
                .putObject("condition").put("type", "field-equals").put("field", "company").put("value", company));
    }
}
