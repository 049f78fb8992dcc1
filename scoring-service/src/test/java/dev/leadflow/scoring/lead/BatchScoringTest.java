package dev.leadflow.scoring.lead;

import static dev.leadflow.scoring.support.TestEvents.anonymousTouchpoint;
import static dev.leadflow.scoring.support.TestEvents.coordinatorWithGmail;
import static dev.leadflow.scoring.support.TestEvents.directorFromHomepage;
import static dev.leadflow.scoring.support.TestEvents.engineer;
import static dev.leadflow.scoring.support.TestEvents.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.events.TouchpointTypes;
import dev.leadflow.scoring.support.OutboxProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Captures and touchpoints are scored a whole poll at once (one statement per table for the batch): the outcome must be
 * exactly that of scoring them one event per transaction. Each test scores twin leads, one pair in a batch and the other one by
 * one, and compares everything scoring keeps and publishes about them.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class BatchScoringTest {

    @Inject
    LeadScoringService scoring;
    @Inject
    OutboxProbe outbox;

    @Test
    void aBatchOfCapturesScoresAsOneCaptureAtATime() {
        UUID batchedDirector = UUID.randomUUID();
        UUID batchedCoordinator = UUID.randomUUID();
        UUID director = UUID.randomUUID();
        UUID coordinator = UUID.randomUUID();
        // The director's second capture qualifies them (80 points, then 100): a lead met twice in one batch must see
        // its first capture when the second is scored.
        List<LeadCaptured> batch = List.of(directorFromHomepage(batchedDirector), coordinatorWithGmail(batchedCoordinator),
                directorFromHomepage(batchedDirector));
        List<LeadCaptured> oneByOne = List.of(directorFromHomepage(director), coordinatorWithGmail(coordinator),
                directorFromHomepage(director));

        QuarkusTransaction.requiringNew().run(() -> scoring.onLeadsCaptured(batch));
        oneByOne.forEach(captured -> QuarkusTransaction.requiringNew().run(() -> scoring.onLeadCaptured(captured)));

        assertSameOutcome(batchedDirector, director);
        assertSameOutcome(batchedCoordinator, coordinator);
        assertThat(scoring.find(batchedDirector).orElseThrow().qualified()).isTrue();
        assertThat(scoring.history(batchedDirector)).extracting(ScoreHistoryEntry::total).containsExactly(100, 80);
    }

    @Test
    void aBatchedCaptureTakesOverItsVisitorsEarlierTouchpoints() {
        String batchedVisitor = "visitor-" + UUID.randomUUID();
        String visitor = "visitor-" + UUID.randomUUID();
        for (String anonymousId : List.of(batchedVisitor, visitor)) {
            QuarkusTransaction.requiringNew().run(() -> scoring.onTouchpointRecorded(anonymousTouchpoint(anonymousId,
                    TouchpointTypes.PRICING_PAGE_VIEW, "https://acme.example/pricing")));
        }
        UUID batchedEngineer = UUID.randomUUID();
        UUID engineer = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> scoring.onLeadsCaptured(List.of(
                engineer(batchedEngineer, batchedVisitor), coordinatorWithGmail(UUID.randomUUID()))));
        QuarkusTransaction.requiringNew().run(() -> scoring.onLeadCaptured(engineer(engineer, visitor)));

        assertSameOutcome(batchedEngineer, engineer);
        assertThat(outbox.touchpointsOfLead(batchedEngineer.toString())).isEqualTo(2);
        assertThat(outbox.unattachedTouchpoints(batchedVisitor)).isZero();
    }

    @Test
    void twoLeadsOnOneBrowserInABatchShareItsHistoryAsOneCaptureAtATime() {
        String batchedBrowser = "visitor-" + UUID.randomUUID();
        String browser = "visitor-" + UUID.randomUUID();
        for (String anonymousId : List.of(batchedBrowser, browser)) {
            QuarkusTransaction.requiringNew().run(() -> scoring.onTouchpointRecorded(anonymousTouchpoint(anonymousId,
                    TouchpointTypes.PRICING_PAGE_VIEW, "https://acme.example/pricing")));
        }
        UUID batchedFirst = UUID.randomUUID();
        UUID batchedSecond = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> scoring.onLeadsCaptured(List.of(
                engineer(batchedFirst, batchedBrowser), engineer(batchedSecond, batchedBrowser))));
        QuarkusTransaction.requiringNew().run(() -> scoring.onLeadCaptured(engineer(first, browser)));
        QuarkusTransaction.requiringNew().run(() -> scoring.onLeadCaptured(engineer(second, browser)));

        assertSameOutcome(batchedFirst, first);
        assertSameOutcome(batchedSecond, second);
        // The earlier visit went to the first lead; the browser is now known as the second.
        assertThat(outbox.touchpointsOfLead(batchedFirst.toString())).isEqualTo(2);
        assertThat(outbox.touchpointsOfLead(batchedSecond.toString())).isEqualTo(1);
        QuarkusTransaction.requiringNew().run(() -> scoring.onTouchpointRecorded(anonymousTouchpoint(batchedBrowser,
                TouchpointTypes.PAGE_VIEW, "https://acme.example/")));
        assertThat(outbox.touchpointsOfLead(batchedSecond.toString())).isEqualTo(2);
    }

    @Test
    void aBatchOfTouchpointsScoresAsOneTouchpointAtATime() {
        UUID batchedDirector = UUID.randomUUID();
        UUID director = UUID.randomUUID();
        String batchedVisitor = "visitor-" + UUID.randomUUID();
        String visitor = "visitor-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> scoring.onLeadsCaptured(List.of(
                engineer(batchedDirector, batchedVisitor), engineer(director, visitor))));
        String strangerOfBatch = "visitor-" + UUID.randomUUID();
        String stranger = "visitor-" + UUID.randomUUID();
        // Per lead: a webinar, the same webinar again under another event id (not counted twice), an email click and
        // a pricing page view known only by the visitor's cookie; a visitor nobody knows yet keeps their touchpoint.
        TouchpointRecorded batchedWebinar = touchpoint(batchedDirector, TouchpointTypes.WEBINAR, null);
        TouchpointRecorded webinar = touchpoint(director, TouchpointTypes.WEBINAR, null);
        List<TouchpointRecorded> batch = List.of(batchedWebinar, again(batchedWebinar),
                touchpoint(batchedDirector, TouchpointTypes.EMAIL_CLICK, "https://acme.example/news"),
                anonymousTouchpoint(batchedVisitor, TouchpointTypes.PRICING_PAGE_VIEW, "https://acme.example/pricing"),
                anonymousTouchpoint(strangerOfBatch, TouchpointTypes.PAGE_VIEW, "https://acme.example/"));
        List<TouchpointRecorded> oneByOne = List.of(webinar, again(webinar),
                touchpoint(director, TouchpointTypes.EMAIL_CLICK, "https://acme.example/news"),
                anonymousTouchpoint(visitor, TouchpointTypes.PRICING_PAGE_VIEW, "https://acme.example/pricing"),
                anonymousTouchpoint(stranger, TouchpointTypes.PAGE_VIEW, "https://acme.example/"));

        QuarkusTransaction.requiringNew().run(() -> scoring.onTouchpointsRecorded(batch));
        oneByOne.forEach(touchpoint -> QuarkusTransaction.requiringNew()
                .run(() -> scoring.onTouchpointRecorded(touchpoint)));

        assertSameOutcome(batchedDirector, director);
        assertThat(outbox.touchpointsOfLead(batchedDirector.toString())).isEqualTo(4);
        assertThat(outbox.unattachedTouchpoints(strangerOfBatch)).isEqualTo(1);
        assertThat(scoring.history(batchedDirector)).hasSizeGreaterThan(2);
    }

    private static TouchpointRecorded again(TouchpointRecorded touchpoint) {
        return new TouchpointRecorded(UUID.randomUUID(), touchpoint.touchpointId(), touchpoint.leadId(),
                touchpoint.anonymousId(), touchpoint.type(), touchpoint.url(), touchpoint.campaign(), touchpoint.utm(),
                touchpoint.occurredAt(), touchpoint.recordedAt(), touchpoint.channel());
    }

    private void assertSameOutcome(UUID batched, UUID single) {
        ScoredLead batchedLead = scoring.find(batched).orElseThrow();
        ScoredLead singleLead = scoring.find(single).orElseThrow();
        assertThat(batchedLead.stage()).isEqualTo(singleLead.stage());
        assertThat(batchedLead.grade()).isEqualTo(singleLead.grade());
        assertThat(batchedLead.score().orElseThrow().total()).isEqualTo(singleLead.score().orElseThrow().total());
        assertThat(describe(batchedLead.score().orElseThrow().reasons(), reason -> reason.ruleId() + "=" + reason.points()))
                .isEqualTo(describe(singleLead.score().orElseThrow().reasons(),
                        reason -> reason.ruleId() + "=" + reason.points()));
        assertThat(describe(scoring.history(batched), entry -> entry.total() + "/" + entry.stage() + "/" + entry.grade()))
                .isEqualTo(describe(scoring.history(single), entry -> entry.total() + "/" + entry.stage() + "/"
                        + entry.grade()));
        assertThat(outbox.eventTypes(batched.toString())).isNotEmpty().isEqualTo(outbox.eventTypes(single.toString()));
        assertThat(outbox.touchpointsOfLead(batched.toString())).isEqualTo(outbox.touchpointsOfLead(single.toString()));
    }

    private static <T> List<String> describe(List<T> items, Function<T, String> description) {
        return items.stream().map(description).toList();
    }
}
