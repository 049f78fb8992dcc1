package dev.leadflow.scoring;

import static dev.leadflow.scoring.support.TestEvents.directorFromHomepage;
import static dev.leadflow.scoring.support.TestEvents.touchpoint;
import static dev.leadflow.scoring.support.TestEvents.vpFromPricingPage;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadDisqualified;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadStageChanged;
import dev.leadflow.events.LeadflowEvent;
import dev.leadflow.events.OpportunityLost;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.events.TouchpointTypes;
import dev.leadflow.scoring.support.KafkaTestClient;
import dev.leadflow.scoring.support.OutboxProbe;
import dev.leadflow.scoring.support.TestEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scoring's marketing stages through Kafka: lead, MQL, recycled by a lost opportunity, and qualified again. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class LifecycleStagesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    KafkaTestClient kafka;
    @Inject
    OutboxProbe outbox;

    @Test
    void publishesEveryStageItMovesALeadToWithTheQualificationItOpens() {
        UUID leadId = UUID.randomUUID();

        capture(vpFromPricingPage(leadId));

        List<LeadStageChanged> changes = awaitEvents(LeadStageChanged.TOPIC, leadId, LeadStageChanged.class, 2);
        LeadQualified qualified = awaitEvents(LeadQualified.TOPIC, leadId, LeadQualified.class, 1).get(0);
        assertThat(changes).extracting(LeadStageChanged::from, LeadStageChanged::to, LeadStageChanged::qualificationId)
                .containsExactly(tuple(null, "lead", null), tuple("lead", "mql", qualified.qualificationId()));
        assertThat(changes.get(0).reason()).isEqualTo("submitted form demo-request");
        assertThat(changes.get(1).reason()).startsWith("reached threshold 100 with ");
        LeadScored scored = awaitEvents(LeadScored.TOPIC, leadId, LeadScored.class, 1).get(0);
        assertThat(scored.stage()).isEqualTo("mql");
        assertThat(scored.grade()).isEqualTo("A2");
    }

    @Test
    void aLostOpportunityRecyclesTheLeadWhichQualifiesAgainWithANewQualification() {
        UUID leadId = UUID.randomUUID();
        capture(vpFromPricingPage(leadId));
        UUID first = awaitEvents(LeadQualified.TOPIC, leadId, LeadQualified.class, 1).get(0).qualificationId();

        OpportunityLost lost = new OpportunityLost(UUID.randomUUID(), leadId, "opp-1", "budget", Instant.now());
        crm(OpportunityLost.TYPE, lost);
        crm(OpportunityLost.TYPE, lost);

        LeadStageChanged recycled = awaitEvents(LeadStageChanged.TOPIC, leadId, LeadStageChanged.class, 3).get(2);
        assertThat(recycled).extracting(LeadStageChanged::from, LeadStageChanged::to, LeadStageChanged::reason,
                LeadStageChanged::qualificationId).containsExactly("mql", "recycled", "opportunity.lost: budget", first);

        TouchpointRecorded pricingAgain = touchpoint(leadId, TouchpointTypes.PAGE_VIEW, "https://acme.example/pricing");
        touch(pricingAgain);
        touch(pricingAgain);

        List<LeadQualified> qualifications = awaitEvents(LeadQualified.TOPIC, leadId, LeadQualified.class, 2);
        UUID second = qualifications.get(1).qualificationId();
        assertThat(second).isNotNull().isNotEqualTo(first);
        LeadStageChanged requalified = awaitEvents(LeadStageChanged.TOPIC, leadId, LeadStageChanged.class, 4).get(3);
        assertThat(requalified).extracting(LeadStageChanged::from, LeadStageChanged::to,
                LeadStageChanged::qualificationId).containsExactly("recycled", "mql", second);

        // A second lost opportunity of the recycled-then-requalified lead recycles it again, once.
        crm(OpportunityLost.TYPE, new OpportunityLost(UUID.randomUUID(), leadId, "opp-2", null, Instant.now()));
        LeadStageChanged recycledAgain = awaitEvents(LeadStageChanged.TOPIC, leadId, LeadStageChanged.class, 5).get(4);
        assertThat(recycledAgain.reason()).isEqualTo("opportunity.lost");
        assertThat(recycledAgain.qualificationId()).isEqualTo(second);
        assertThat(outbox.published(LeadQualified.TOPIC, leadId.toString())).isEqualTo(2);
        assertThat(outbox.published(LeadStageChanged.TOPIC, leadId.toString())).isEqualTo(5);
    }

    @Test
    void aRepsDisqualificationRecyclesTheLeadWithTheCrmsReasonAndItQualifiesAgainWhenItEngages() {
        UUID leadId = UUID.randomUUID();
        capture(vpFromPricingPage(leadId));
        UUID first = awaitEvents(LeadQualified.TOPIC, leadId, LeadQualified.class, 1).get(0).qualificationId();

        LeadDisqualified disqualified = new LeadDisqualified(UUID.randomUUID(), leadId, "alice", "no budget this year",
                Instant.now());
        crm(LeadDisqualified.TYPE, disqualified);
        crm(LeadDisqualified.TYPE, disqualified);

        LeadStageChanged recycled = awaitEvents(LeadStageChanged.TOPIC, leadId, LeadStageChanged.class, 3).get(2);
        assertThat(recycled).extracting(LeadStageChanged::from, LeadStageChanged::to, LeadStageChanged::reason,
                LeadStageChanged::qualificationId)
                .containsExactly("mql", "recycled", "lead.disqualified: no budget this year", first);
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/scores/{leadId}", leadId)
                .then().body("stage", equalTo("recycled")).body("qualified", equalTo(false));

        touch(touchpoint(leadId, TouchpointTypes.WEBINAR, "https://acme.example/webinars/spring"));

        UUID second = awaitEvents(LeadQualified.TOPIC, leadId, LeadQualified.class, 2).get(1).qualificationId();
        assertThat(second).isNotNull().isNotEqualTo(first);
        assertThat(awaitEvents(LeadStageChanged.TOPIC, leadId, LeadStageChanged.class, 4).get(3))
                .extracting(LeadStageChanged::from, LeadStageChanged::to).containsExactly("recycled", "mql");
        assertThat(outbox.published(LeadStageChanged.TOPIC, leadId.toString())).as("the duplicate had no effect")
                .isEqualTo(4);
    }

    @Test
    void aDisqualificationOfALeadThatNeverQualifiedChangesNothingAndOneWithoutLeadIdIsDeadLettered() {
        UUID leadId = UUID.randomUUID();
        capture(directorFromHomepage(leadId));
        awaitEvents(LeadStageChanged.TOPIC, leadId, LeadStageChanged.class, 1);

        LeadDisqualified disqualified = new LeadDisqualified(UUID.randomUUID(), leadId, "alice", "spam", Instant.now());
        crm(LeadDisqualified.TYPE, disqualified);
        await().atMost(PATIENCE).until(() -> outbox.processed("scoring.lead-disqualified", disqualified.eventId()));
        assertThat(outbox.published(LeadStageChanged.TOPIC, leadId.toString())).isEqualTo(1);

        kafka.send(LeadDisqualified.TOPIC, leadId.toString(), LeadDisqualified.TYPE, UUID.randomUUID(),
                "{\"repId\": \"alice\", \"reason\": \"spam\"}");
        await().atMost(PATIENCE).until(() -> !kafka.records(LeadDisqualified.TOPIC + ".dlq", leadId.toString())
                .isEmpty());
    }

    @Test
    void aNewsletterSignUpIsASubscriberThatDoesNotQualifyUntilItDoesSomethingThatScores() {
        UUID leadId = UUID.randomUUID();
        // A VP at a 1,000+ company subscribing on the pricing page: enough points, but only a subscription so far.
        capture(TestEvents.capture(leadId, "newsletter", vpFromPricingPage(leadId).profile(), false,
                "https://acme.example/pricing", null));
        LeadStageChanged subscribed = awaitEvents(LeadStageChanged.TOPIC, leadId, LeadStageChanged.class, 1).get(0);
        assertThat(subscribed).extracting(LeadStageChanged::from, LeadStageChanged::to, LeadStageChanged::reason)
                .containsExactly(null, "subscriber", "subscribed through form newsletter");
        LeadScored score = awaitEvents(LeadScored.TOPIC, leadId, LeadScored.class, 1).get(0);
        assertThat(score.total()).isGreaterThanOrEqualTo(100);
        assertThat(score.stage()).isEqualTo("subscriber");
        assertThat(score.qualified()).isFalse();

        touch(touchpoint(leadId, TouchpointTypes.PAGE_VIEW, "https://acme.example/docs"));

        List<LeadStageChanged> stages = awaitEvents(LeadStageChanged.TOPIC, leadId, LeadStageChanged.class, 3);
        assertThat(stages).extracting(LeadStageChanged::from, LeadStageChanged::to)
                .containsExactly(tuple(null, "subscriber"), tuple("subscriber", "lead"), tuple("lead", "mql"));
        assertThat(stages.get(1).reason()).isEqualTo("engaged: page_view");
        assertThat(awaitEvents(LeadQualified.TOPIC, leadId, LeadQualified.class, 1)).hasSize(1);
        assertThat(outbox.published(LeadScored.TOPIC, leadId.toString())).as("on subscribing, on engaging")
                .isEqualTo(2);
    }

    @Test
    void aSubscriberWhoSubmitsAnyOtherFormBecomesALeadAndQualifiesOnThePointsItWasHeldBackWith() {
        UUID leadId = UUID.randomUUID();
        capture(TestEvents.capture(leadId, "newsletter", directorFromHomepage(leadId).profile(), false,
                "https://acme.example/", null));
        awaitEvents(LeadStageChanged.TOPIC, leadId, LeadStageChanged.class, 1);
        // Subscribing again keeps a subscriber where it is, even at the threshold (fit 60 + two form submits 40).
        capture(TestEvents.capture(leadId, "newsletter", directorFromHomepage(leadId).profile(), false,
                "https://acme.example/blog", null));
        assertThat(awaitEvents(LeadScored.TOPIC, leadId, LeadScored.class, 2).get(1))
                .extracting(LeadScored::total, LeadScored::stage, LeadScored::qualified)
                .containsExactly(100, "subscriber", false);

        capture(directorFromHomepage(leadId));

        List<LeadStageChanged> stages = awaitEvents(LeadStageChanged.TOPIC, leadId, LeadStageChanged.class, 3);
        assertThat(stages).extracting(LeadStageChanged::from, LeadStageChanged::to)
                .containsExactly(tuple(null, "subscriber"), tuple("subscriber", "lead"), tuple("lead", "mql"));
        assertThat(stages.get(1).reason()).isEqualTo("submitted form demo-request");
        assertThat(awaitEvents(LeadQualified.TOPIC, leadId, LeadQualified.class, 1)).hasSize(1);
        assertThat(outbox.published(LeadStageChanged.TOPIC, leadId.toString())).isEqualTo(3);
    }

    @Test
    void aLostOpportunityOfALeadThatNeverQualifiedChangesNothing() {
        UUID leadId = UUID.randomUUID();
        capture(directorFromHomepage(leadId));
        awaitEvents(LeadStageChanged.TOPIC, leadId, LeadStageChanged.class, 1);

        OpportunityLost lost = new OpportunityLost(UUID.randomUUID(), leadId, "opp-1", "no budget", Instant.now());
        crm(OpportunityLost.TYPE, lost);

        await().atMost(PATIENCE).until(() -> outbox.processed("scoring.opportunity-lost", lost.eventId()));
        assertThat(outbox.published(LeadStageChanged.TOPIC, leadId.toString())).isEqualTo(1);
    }

    @Test
    void skipsEveryOtherCrmRecordForItsOwnersToHandle() {
        UUID leadId = UUID.randomUUID();
        capture(vpFromPricingPage(leadId));
        awaitEvents(LeadStageChanged.TOPIC, leadId, LeadStageChanged.class, 2);

        crm(LeadContacted.TYPE, new LeadContacted(UUID.randomUUID(), leadId, "alice", "phone", Instant.now()));
        kafka.send(OpportunityLost.TOPIC, leadId.toString(), "crm.meeting-held", UUID.randomUUID(), "{}");
        OpportunityLost lost = new OpportunityLost(UUID.randomUUID(), leadId, "opp-1", "timing", Instant.now());
        crm(OpportunityLost.TYPE, lost);

        // Same key, same partition: once the later loss is processed, the records before it were skipped (the
        // partition kept flowing), not dead-lettered by scoring (reporting owns them) and not taken for a loss.
        await().atMost(PATIENCE).until(() -> outbox.processed("scoring.opportunity-lost", lost.eventId()));
        assertThat(outbox.published(LeadStageChanged.TOPIC, leadId.toString())).isEqualTo(3);
        assertThat(kafka.records(OpportunityLost.TOPIC + ".dlq", leadId.toString())).isEmpty();
    }

    private void capture(LeadCaptured captured) {
        kafka.send(LeadCaptured.TOPIC, captured.leadId().toString(), LeadCaptured.TYPE, captured);
    }

    private void touch(TouchpointRecorded touchpoint) {
        kafka.send(TouchpointRecorded.TOPIC, touchpoint.leadId().toString(), TouchpointRecorded.TYPE, touchpoint);
    }

    private void crm(String type, LeadflowEvent event) {
        kafka.send(OpportunityLost.TOPIC, event.leadId().toString(), type, event);
    }

    private <T> List<T> awaitEvents(String topic, UUID leadId, Class<T> type, int count) {
        return await().atMost(PATIENCE).until(() -> kafka.events(topic, leadId.toString(), type),
                events -> events.size() >= count);
    }
}
