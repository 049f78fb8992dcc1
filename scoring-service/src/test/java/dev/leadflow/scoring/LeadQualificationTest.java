package dev.leadflow.scoring;

import static dev.leadflow.scoring.support.TestEvents.anonymousTouchpoint;
import static dev.leadflow.scoring.support.TestEvents.coordinatorWithGmail;
import static dev.leadflow.scoring.support.TestEvents.directorFromHomepage;
import static dev.leadflow.scoring.support.TestEvents.engineer;
import static dev.leadflow.scoring.support.TestEvents.touchpoint;
import static dev.leadflow.scoring.support.TestEvents.vpFromPricingPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.ScoreReason;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.events.TouchpointSummary;
import dev.leadflow.events.TouchpointTypes;
import dev.leadflow.scoring.modelstore.ScoringModelStore;
import dev.leadflow.scoring.support.KafkaTestClient;
import dev.leadflow.scoring.support.OutboxProbe;
import dev.leadflow.scoring.support.TestEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class LeadQualificationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    KafkaTestClient kafka;
    @Inject
    OutboxProbe outbox;
    @Inject
    ScoringModelStore models;

    @Test
    void qualifiesAVpFromThePricingPageOnceOnTheirFormSubmission() {
        UUID leadId = UUID.randomUUID();
        LeadCaptured captured = vpFromPricingPage(leadId);

        capture(captured);

        List<ConsumerRecord<String, String>> qualifiedRecords = awaitRecords(LeadQualified.TOPIC, leadId, 1);
        List<LeadScored> scored = awaitEvents(LeadScored.TOPIC, leadId, LeadScored.class, 1);
        assertThat(outbox.published(LeadScored.TOPIC, leadId.toString())).isEqualTo(1);
        assertThat(outbox.published(LeadQualified.TOPIC, leadId.toString())).isEqualTo(1);

        LeadScored score = scored.get(0);
        assertThat(score.qualified()).isTrue();
        assertThat(score.total()).isGreaterThanOrEqualTo(100).isEqualTo(score.fit() + score.engagement());
        assertThat(score.reasons().stream().mapToInt(ScoreReason::points).sum()).isEqualTo(score.total());
        assertThat(score.reasons()).extracting(ScoreReason::ruleId).contains("senior-title", "company-size-1000-plus",
                "form-submit", "pricing-page");
        assertThat(score.threshold()).isEqualTo(100);
        assertThat(score.modelVersion()).isEqualTo(models.active().modelVersion());
        assertThat(score.capturedAt()).isEqualTo(captured.capturedAt());

        ConsumerRecord<String, String> record = qualifiedRecords.get(0);
        assertThat(KafkaTopics.header(record, "ce_type")).isEqualTo(LeadQualified.TYPE);
        assertThat(record.key()).isEqualTo(leadId.toString());
        LeadQualified qualified = kafka.decode(record.value(), LeadQualified.class);
        assertThat(KafkaTopics.header(record, "ce_id")).isEqualTo(qualified.eventId().toString());
        assertThat(qualified.qualificationId()).isNotNull();
        assertThat(qualified.profile()).isEqualTo(captured.profile());
        assertThat(qualified.reasons()).isEqualTo(score.reasons());
        assertThat(qualified.total()).isEqualTo(score.total());
        assertThat(qualified.capturedAt()).isEqualTo(captured.capturedAt());
        // What routing rules and account matching read about the lead's origin.
        assertThat(qualified.formId()).isEqualTo(captured.formId());
        assertThat(qualified.utm()).isEqualTo(captured.utm());
        assertThat(qualified.freeMailDomain()).isEqualTo(captured.freeMailDomain());
        assertThat(qualified.grade()).isNotNull().isEqualTo(score.grade());
    }

    @Test
    void scoresButNeverQualifiesACoordinatorWithAGmailAddress() {
        UUID leadId = UUID.randomUUID();

        capture(coordinatorWithGmail(leadId));

        LeadScored score = awaitEvents(LeadScored.TOPIC, leadId, LeadScored.class, 1).get(0);
        assertThat(score.qualified()).isFalse();
        assertThat(score.total()).isLessThan(100);
        assertThat(score.reasons()).extracting(ScoreReason::ruleId).contains("free-mail");
        // The score and any qualification commit in one transaction: the score being out means nothing else is coming.
        assertThat(outbox.published(LeadQualified.TOPIC, leadId.toString())).isZero();
        assertThat(kafka.records(LeadQualified.TOPIC, leadId.toString())).isEmpty();
    }

    @Test
    void qualifiesOnceWhenTouchpointsPushTheLeadOverTheThreshold() {
        UUID leadId = UUID.randomUUID();

        capture(directorFromHomepage(leadId));
        assertThat(awaitEvents(LeadScored.TOPIC, leadId, LeadScored.class, 1).get(0).total()).isEqualTo(80);
        touch(touchpoint(leadId, TouchpointTypes.WEBINAR, null));
        assertThat(awaitEvents(LeadScored.TOPIC, leadId, LeadScored.class, 2).get(1).total()).isEqualTo(95);
        touch(touchpoint(leadId, TouchpointTypes.CONTENT_DOWNLOAD, "https://acme.example/whitepaper.pdf"));
        LeadQualified qualified = awaitEvents(LeadQualified.TOPIC, leadId, LeadQualified.class, 1).get(0);
        assertThat(qualified.total()).isEqualTo(105);
        touch(touchpoint(leadId, TouchpointTypes.PAGE_VIEW, "https://acme.example/docs"));

        LeadScored afterQualification = awaitEvents(LeadScored.TOPIC, leadId, LeadScored.class, 4).get(3);
        assertThat(afterQualification.total()).isEqualTo(107);
        assertThat(afterQualification.qualified()).isTrue();
        assertThat(outbox.published(LeadQualified.TOPIC, leadId.toString())).isEqualTo(1);
        assertThat(kafka.records(LeadQualified.TOPIC, leadId.toString())).hasSize(1);
    }

    @Test
    void carriesTheProfilesRegionAndPostalCodeAndASummaryOfTheTouchpointsIntoTheQualification() {
        UUID leadId = UUID.randomUUID();
        LeadProfile profile = new LeadProfile("lee@globex.example", "Lee", "Chen", "Globex", "Director of IT", null,
                "US", "201-500", null, "CA", "94105");
        LeadCaptured captured = TestEvents.capture(leadId, profile, false, "https://acme.example/?ref=ad", null);
        capture(captured);
        awaitEvents(LeadScored.TOPIC, leadId, LeadScored.class, 1);
        TouchpointRecorded pricing = touchpoint(leadId, TouchpointTypes.PAGE_VIEW,
                "https://acme.example/pricing?email=lee@globex.example");
        touch(pricing);

        LeadQualified qualified = awaitEvents(LeadQualified.TOPIC, leadId, LeadQualified.class, 1).get(0);

        assertThat(qualified.profile().region()).isEqualTo("CA");
        assertThat(qualified.profile().postalCode()).isEqualTo("94105");
        TouchpointSummary summary = qualified.touchpoints();
        assertThat(summary.total()).isEqualTo(2);
        assertThat(summary.firstAt()).isEqualTo(captured.capturedAt());
        assertThat(summary.lastAt()).isEqualTo(pricing.occurredAt());
        assertThat(summary.countsByType()).isEqualTo(Map.of("form_submit", 1, "page_view", 1));
        assertThat(summary.recent()).extracting(TouchpointSummary.Recent::type, TouchpointSummary.Recent::url)
                .containsExactly(tuple("page_view", "acme.example/pricing"), tuple("form_submit", "acme.example/"));
    }

    @Test
    void waitsForTheCaptureBeforeQualifyingALeadKnownOnlyFromTouchpoints() {
        UUID leadId = UUID.randomUUID();
        List<TouchpointRecorded> journey = List.of(
                touchpoint(leadId, TouchpointTypes.PRICING_PAGE_VIEW, "https://acme.example/pricing"),
                touchpoint(leadId, TouchpointTypes.PAGE_VIEW, "https://acme.example/pricing/enterprise"),
                touchpoint(leadId, TouchpointTypes.WEBINAR, null),
                touchpoint(leadId, TouchpointTypes.WEBINAR, null),
                touchpoint(leadId, TouchpointTypes.CONTENT_DOWNLOAD, "https://acme.example/guide.pdf"),
                touchpoint(leadId, TouchpointTypes.CONTENT_DOWNLOAD, "https://acme.example/report.pdf"),
                touchpoint(leadId, TouchpointTypes.CONTENT_DOWNLOAD, "https://acme.example/ebook.pdf"));
        journey.forEach(this::touch);

        List<LeadScored> scores = await().atMost(PATIENCE).until(
                () -> kafka.events(LeadScored.TOPIC, leadId.toString(), LeadScored.class),
                events -> events.stream().anyMatch(score -> score.total() == 112));
        assertThat(scores).allSatisfy(score -> {
            assertThat(score.qualified()).isFalse();
            assertThat(score.fit()).isZero();
            assertThat(score.capturedAt()).isNull();
        });
        assertThat(outbox.published(LeadQualified.TOPIC, leadId.toString())).isZero();

        LeadCaptured captured = engineer(leadId, null);
        capture(captured);

        LeadQualified qualified = awaitEvents(LeadQualified.TOPIC, leadId, LeadQualified.class, 1).get(0);
        assertThat(qualified.total()).isEqualTo(142);
        assertThat(qualified.profile()).isEqualTo(captured.profile());
        assertThat(qualified.capturedAt()).isEqualTo(captured.capturedAt());
        assertThat(outbox.published(LeadQualified.TOPIC, leadId.toString())).isEqualTo(1);
    }

    @Test
    void givesALeadTheTouchpointsItMadeAsAnAnonymousVisitor() {
        UUID leadId = UUID.randomUUID();
        String visitor = "anon-" + UUID.randomUUID();
        touch(anonymousTouchpoint(visitor, TouchpointTypes.PAGE_VIEW, "https://acme.example/pricing"));
        touch(anonymousTouchpoint(visitor, TouchpointTypes.PRICING_PAGE_VIEW, "https://acme.example/pricing"));
        touch(anonymousTouchpoint(visitor, TouchpointTypes.WEBINAR, null));
        await().atMost(PATIENCE).until(() -> outbox.unattachedTouchpoints(visitor) == 3);

        capture(engineer(leadId, visitor));

        LeadScored score = awaitEvents(LeadScored.TOPIC, leadId, LeadScored.class, 1).get(0);
        assertThat(score.reasons()).extracting(ScoreReason::ruleId)
                .containsExactly("target-country", "form-submit", "pricing-page", "webinar", "page-views");
        assertThat(score.total()).isEqualTo(10 + 20 + 50 + 15 + 2);
        assertThat(outbox.unattachedTouchpoints(visitor)).isZero();

        touch(anonymousTouchpoint(visitor, TouchpointTypes.WEBINAR, null));

        LeadScored later = awaitEvents(LeadScored.TOPIC, leadId, LeadScored.class, 2).get(1);
        assertThat(later.total()).isEqualTo(score.total() + 15);
    }

    private void capture(LeadCaptured captured) {
        kafka.send(LeadCaptured.TOPIC, captured.leadId().toString(), LeadCaptured.TYPE, captured);
    }

    private void touch(TouchpointRecorded touchpoint) {
        String key = touchpoint.leadId() != null ? touchpoint.leadId().toString() : touchpoint.anonymousId();
        kafka.send(TouchpointRecorded.TOPIC, key, TouchpointRecorded.TYPE, touchpoint);
    }

    private List<ConsumerRecord<String, String>> awaitRecords(String topic, UUID leadId, int count) {
        return await().atMost(PATIENCE).until(() -> kafka.records(topic, leadId.toString()), r -> r.size() >= count);
    }

    private <T> List<T> awaitEvents(String topic, UUID leadId, Class<T> type, int count) {
        return await().atMost(PATIENCE).until(() -> kafka.events(topic, leadId.toString(), type),
                events -> events.size() >= count);
    }
}
