package dev.leadflow.scoring;

import static dev.leadflow.scoring.support.ModelApi.DEMO_MODEL;
import static dev.leadflow.scoring.support.ModelApi.YAML;
import static dev.leadflow.scoring.support.ModelApi.awaitFinished;
import static dev.leadflow.scoring.support.ModelApi.yaml;
import static dev.leadflow.scoring.support.TestEvents.directorFromHomepage;
import static dev.leadflow.scoring.support.TestEvents.engineer;
import static dev.leadflow.scoring.support.TestEvents.vpFromPricingPage;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadStageChanged;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.scoring.rescore.RescoreJob;
import dev.leadflow.scoring.rescore.RescoreJobs;
import dev.leadflow.scoring.support.KafkaTestClient;
import dev.leadflow.scoring.support.ModelApi;
import dev.leadflow.scoring.support.OutboxProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Decay runs on the real stack, at moments the test chooses: the leads whose points fade are re-scored, a lead that
 * fell short of the policy goes to nurture, an MQL keeps its stage. The scheduled run is switched off in tests
 * ({@code %test.leadflow.scoring.decay.enabled=false}); the test starts runs itself.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class DecayRunTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    KafkaTestClient kafka;
    @Inject
    OutboxProbe outbox;
    @Inject
    RescoreJobs jobs;

    @Test
    void aDecayRunRescoresLeadsWhosePointsFadeNurturingLeadsThatFellShortAndKeepingMqls() {
        String campaign = "fading-" + UUID.randomUUID();
        // The demo model plus 40 points per touchpoint of this test's campaign, halving every day.
        String model = ModelApi.demoModelWith("engagement", rule -> rule.put("id", "fading-campaign")
                .put("description", "Took part in a campaign that fades fast")
                .put("points", 40)
                .put("halfLife", "1d")
                .putObject("condition").put("type", "touchpoint-campaign").putArray("values").add(campaign));
        awaitFinished(given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(model)
                .put("/api/v1/scoring/model").then().statusCode(200).extract().path("latestRescore.id"));
        UUID director = UUID.randomUUID();
        UUID engineer = UUID.randomUUID();
        UUID vp = UUID.randomUUID();
        send(directorFromHomepage(director));
        send(engineer(engineer, null));
        send(vpFromPricingPage(vp));
        awaitScores(vp, 1);
        touch(director, campaign);
        touch(engineer, campaign);
        assertThat(awaitScores(director, 2)).extracting(LeadScored::total).containsExactly(80, 120);
        assertThat(awaitScores(engineer, 2)).extracting(LeadScored::total).containsExactly(30, 70);
        await().atMost(PATIENCE).until(() -> outbox.published(LeadQualified.TOPIC, director.toString()) == 1);

        // A minute later nothing moved by a whole point: the two candidates are re-scored, nothing is published.
        RescoreJob quiet = run(Instant.now().plus(1, ChronoUnit.MINUTES));
        assertThat(quiet.total()).as("only leads with points from the fading rule").isEqualTo(2);
        assertThat(quiet.changed()).isZero();
        assertThat(awaitScores(engineer, 2)).hasSize(2);

        // Ten days later the campaign's points are gone.
        double changedBefore = ModelApi.rescored("decay", "changed");
        RescoreJob decayed = run(Instant.now().plus(10, ChronoUnit.DAYS));
        assertThat(decayed.total()).isEqualTo(2);
        assertThat(decayed.changed()).isEqualTo(2);
        assertThat(decayed.qualified()).isZero();
        assertThat(ModelApi.rescored("decay", "changed")).isEqualTo(changedBefore + 2);

        List<LeadScored> engineerScores = awaitScores(engineer, 3);
        assertThat(engineerScores.get(2).total()).isEqualTo(30);
        assertThat(engineerScores.get(2).stage()).isEqualTo("nurture");
        assertThat(awaitEvents(LeadStageChanged.TOPIC, engineer, LeadStageChanged.class, 2))
                .extracting(LeadStageChanged::from, LeadStageChanged::to)
                .containsExactly(tuple(null, "lead"),
                        tuple("lead", "nurture"));
        List<LeadScored> directorScores = awaitScores(director, 3);
        assertThat(directorScores.get(2).total()).isEqualTo(80);
        assertThat(directorScores.get(2).stage()).as("an MQL keeps its stage").isEqualTo("mql");
        assertThat(directorScores.get(2).qualified()).isTrue();
        assertThat(outbox.published(LeadStageChanged.TOPIC, director.toString())).isEqualTo(2);
        assertThat(outbox.published(LeadScored.TOPIC, vp.toString())).as("no fading points, not re-scored")
                .isEqualTo(1);
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scores/{leadId}", engineer)
                .then().body("stage", equalTo("nurture")).body("total", equalTo(30));

        // The active model decides which leads a run looks at: the demo model has no fading rule, so there is no run.
        awaitFinished(given().auth().oauth2(TestTokens.admin()).contentType(YAML).body(yaml(DEMO_MODEL))
                .put("/api/v1/scoring/model").then().statusCode(200).extract().path("latestRescore.id"));
        assertThat(jobs.startDecay(Instant.now())).isEmpty();
    }

    private RescoreJob run(Instant asOf) {
        RescoreJob job = jobs.startDecay(asOf).orElseThrow();
        awaitFinished(job.id().toString());
        return jobs.find(job.id()).orElseThrow();
    }

    private void send(LeadCaptured captured) {
        kafka.send(LeadCaptured.TOPIC, captured.leadId().toString(), LeadCaptured.TYPE, captured);
    }

    private void touch(UUID leadId, String campaign) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TouchpointRecorded touchpoint = new TouchpointRecorded(UUID.randomUUID(), UUID.randomUUID(), leadId, null,
                "ad_click", "https://acme.example/spring", campaign, null, now, now);
        kafka.send(TouchpointRecorded.TOPIC, leadId.toString(), TouchpointRecorded.TYPE, touchpoint);
    }

    private List<LeadScored> awaitScores(UUID leadId, int count) {
        return awaitEvents(LeadScored.TOPIC, leadId, LeadScored.class, count);
    }

    private <T> List<T> awaitEvents(String topic, UUID leadId, Class<T> type, int count) {
        await().atMost(PATIENCE).until(() -> kafka.records(topic, leadId.toString()).size() >= count);
        return kafka.events(topic, leadId.toString(), type);
    }
}
