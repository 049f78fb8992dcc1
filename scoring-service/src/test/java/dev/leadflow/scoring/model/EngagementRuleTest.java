package dev.leadflow.scoring.model;

import static dev.leadflow.scoring.model.Leads.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.leadflow.events.ScoreDecay;
import dev.leadflow.events.ScoreEvidence;
import dev.leadflow.events.ScoreReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EngagementRuleTest {

    private static final TouchpointType WEBINAR = new TouchpointType(Set.of("webinar"));
    private static final TouchpointType PAGE_VIEW = new TouchpointType(Set.of("page_view"));

    @Test
    void aRecurringRuleScoresEveryMatchingTouchpoint() {
        EngagementRule rule = rule(15, true, null, Decay.NONE);

        ScoreReason reason = rule.evaluate(List.of(daysAgo("webinar", 1), daysAgo("webinar", 2),
                daysAgo("page_view", 1), daysAgo("webinar", 3)), NOW).orElseThrow();

        assertThat(reason.points()).isEqualTo(45);
        assertThat(reason.details()).extracting(ScoreEvidence::points).containsExactly(15, 15, 15);
    }

    @Test
    void aRuleThatDoesNotRecurScoresOnceForTheLatestTouchpoint() {
        EngagementRule rule = rule(15, false, null, Decay.NONE);
        Touchpoint latest = daysAgo("webinar", 1);

        ScoreReason reason = rule.evaluate(List.of(daysAgo("webinar", 5), latest, daysAgo("webinar", 3)), NOW)
                .orElseThrow();

        assertThat(reason.points()).isEqualTo(15);
        assertThat(reason.details()).singleElement().satisfies(detail -> {
            assertThat(detail.touchpointId()).isEqualTo(latest.id());
            assertThat(detail.occurredAt()).isEqualTo(latest.occurredAt());
            assertThat(detail.touchpointType()).isEqualTo("webinar");
            assertThat(detail.url()).isEqualTo("acme.example/webinar");
        });
    }

    @Test
    void nothingMatchingGivesNoReason() {
        assertThat(rule(15, true, null, Decay.NONE).evaluate(List.of(daysAgo("page_view", 1)), NOW)).isEmpty();
        assertThat(rule(15, true, null, Decay.NONE).evaluate(List.of(), NOW)).isEmpty();
    }

    @Test
    void aCapLimitsTheRulesTotalAndTheDetailsShareTheCappedPoints() {
        EngagementRule rule = rule(15, true, 40, Decay.NONE);

        ScoreReason reason = rule.evaluate(List.of(daysAgo("webinar", 1), daysAgo("webinar", 2),
                daysAgo("webinar", 3)), NOW).orElseThrow();

        assertThat(reason.points()).isEqualTo(40);
        assertThat(reason.evidence()).isEqualTo("3 touchpoints, latest webinar acme.example/webinar, capped at 40");
        assertThat(reason.details()).extracting(ScoreEvidence::points).containsExactly(14, 13, 13);
    }

    @Test
    void negativePointsSubtractUpToTheirCap() {
        EngagementRule unsubscribed = rule(-8, true, 10, Decay.NONE);

        ScoreReason reason = unsubscribed.evaluate(List.of(daysAgo("webinar", 1), daysAgo("webinar", 2)), NOW)
                .orElseThrow();

        assertThat(reason.points()).isEqualTo(-10);
        assertThat(reason.details()).extracting(ScoreEvidence::points).containsExactly(-5, -5);
    }

    @Test
    void aHalfLifeHalvesATouchpointsPointsAtEachHalfLifeAndExplainsIt() {
        EngagementRule rule = rule(10, true, null, new HalfLife(Duration.ofDays(30)));

        ScoreReason reason = rule.evaluate(List.of(daysAgo("webinar", 0), daysAgo("webinar", 30),
                daysAgo("webinar", 60)), NOW).orElseThrow();

        assertThat(reason.points()).isEqualTo(18);
        assertThat(reason.evidence()).endsWith(", decayed");
        assertThat(reason.details()).extracting(ScoreEvidence::points, ScoreEvidence::decay).containsExactly(
                tuple(10, new ScoreDecay(10, 0.0, 1.0)),
                tuple(5, new ScoreDecay(10, 30.0, 0.5)),
                tuple(3, new ScoreDecay(10, 60.0, 0.25)));
    }

    @Test
    void roundsTheDecayedTotalHalfAwayFromZero() {
        HalfLife thirtyDays = new HalfLife(Duration.ofDays(30));

        assertThat(points(rule(5, true, null, thirtyDays), daysAgo("webinar", 30))).contains(3);
        assertThat(points(rule(-5, true, null, thirtyDays), daysAgo("webinar", 30))).contains(-3);
        assertThat(points(rule(3, true, null, thirtyDays), daysAgo("webinar", 30))).contains(2);
    }

    @Test
    void aTouchpointDecayedBelowHalfAPointNoLongerContributes() {
        EngagementRule rule = rule(10, true, null, new HalfLife(Duration.ofDays(30)));

        assertThat(rule.evaluate(List.of(daysAgo("webinar", 150)), NOW)).isEmpty();
        assertThat(points(rule, daysAgo("webinar", 120))).contains(1);
    }

    @Test
    void theCapAppliesToTheDecayedPoints() {
        EngagementRule rule = rule(20, true, 30, new HalfLife(Duration.ofDays(30)));

        assertThat(points(rule, daysAgo("webinar", 30), daysAgo("webinar", 30), daysAgo("webinar", 30)))
                .contains(30);
        assertThat(points(rule, daysAgo("webinar", 30), daysAgo("webinar", 30))).contains(20);
    }

    @Test
    void anExpiredTouchpointCountsInFullUntilItsExactAgeThenIsGoneFromTheExplanation() {
        EngagementRule rule = rule(10, true, null, new ExpiresAfter(Duration.ofDays(90)));
        Touchpoint justFresh = new Touchpoint(UUID.randomUUID(), "webinar", null, null, null,
                NOW.minus(Duration.ofDays(90)).plusMillis(1));
        Touchpoint expired = new Touchpoint(UUID.randomUUID(), "webinar", null, null, null,
                NOW.minus(Duration.ofDays(90)));

        ScoreReason reason = rule.evaluate(List.of(justFresh, expired), NOW).orElseThrow();

        assertThat(reason.points()).isEqualTo(10);
        assertThat(reason.details()).extracting(ScoreEvidence::touchpointId).containsExactly(justFresh.id());
        assertThat(reason.details().get(0).decay()).isEqualTo(new ScoreDecay(10, 90.0, 1.0));
        assertThat(rule.evaluate(List.of(expired), NOW)).isEmpty();
    }

    @Test
    void aCountRuleScoresOnceWhileEnoughTouchpointsFallInItsWindow() {
        EngagementRule binge = new EngagementRule("binge", "3 page views in 7 days", 20,
                new TouchpointCount(PAGE_VIEW, 3, Duration.ofDays(7)), false, null, Decay.NONE);

        assertThat(binge.evaluate(List.of(daysAgo("page_view", 1), daysAgo("page_view", 2), daysAgo("page_view", 8)),
                NOW)).isEmpty();
        ScoreReason reason = binge.evaluate(List.of(daysAgo("page_view", 1), daysAgo("page_view", 2),
                daysAgo("page_view", 6), daysAgo("page_view", 8)), NOW).orElseThrow();

        assertThat(reason.points()).isEqualTo(20);
        assertThat(reason.evidence()).isEqualTo("3 touchpoints within 7d, latest page_view acme.example/page_view");
        assertThat(reason.details()).extracting(ScoreEvidence::points).containsExactly(7, 7, 6);
    }

    @Test
    void aCountRuleCannotRecurOrDecay() {
        TouchpointCount count = new TouchpointCount(PAGE_VIEW, 3, Duration.ofDays(7));

        assertThatThrownBy(() -> new EngagementRule("c", "C", 5, count, true, null, Decay.NONE))
                .hasMessageStartingWith("recurs: a count rule scores once");
        assertThatThrownBy(() -> new EngagementRule("c", "C", 5, count, false, null,
                new HalfLife(Duration.ofDays(1)))).hasMessageStartingWith("halfLife: a count rule does not decay");
        assertThatThrownBy(() -> new EngagementRule("c", "C", 5, count, false, null,
                new ExpiresAfter(Duration.ofDays(1)))).hasMessageStartingWith("expiresAfter: a count rule does not");
    }

    @Test
    void anEngagementRuleCannotTestTheLead() {
        assertThatThrownBy(() -> new EngagementRule("c", "C", 5, new FieldPresent(LeadField.EMAIL), true, null,
                Decay.NONE)).hasMessageStartingWith("condition: tests the lead");
    }

    @Test
    void listsTheMostRecentTouchpointsAndSumsUpTheOlderOnesSoTheDetailsStillAddUp() {
        EngagementRule views = new EngagementRule("views", "Views", 2, PAGE_VIEW, null);
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            touchpoints.add(daysAgo("page_view", i));
        }

        ScoreReason reason = views.evaluate(touchpoints, NOW).orElseThrow();

        assertThat(reason.points()).isEqualTo(50);
        assertThat(reason.details()).hasSize(EngagementRule.LISTED_TOUCHPOINTS + 1);
        assertThat(reason.details().get(0).occurredAt()).isEqualTo(touchpoints.get(0).occurredAt());
        ScoreEvidence older = reason.details().get(EngagementRule.LISTED_TOUCHPOINTS);
        assertThat(older.count()).isEqualTo(5);
        assertThat(older.points()).isEqualTo(10);
        assertThat(older.occurredAt()).isEqualTo(touchpoints.get(20).occurredAt());
        assertThat(reason.details().stream().mapToInt(ScoreEvidence::points).sum()).isEqualTo(50);
    }

    private static Optional<Integer> points(EngagementRule rule, Touchpoint... touchpoints) {
        return rule.evaluate(List.of(touchpoints), NOW).map(ScoreReason::points);
    }

    private static EngagementRule rule(int points, boolean recurs, Integer maxPoints, Decay decay) {
        return new EngagementRule("webinar", "Webinar", points, WEBINAR, recurs, maxPoints, decay);
    }

    private static Touchpoint daysAgo(String type, int days) {
        return new Touchpoint(UUID.randomUUID(), type, "https://acme.example/" + type + "?utm_source=x", null, null,
                NOW.minus(Duration.ofDays(days)));
    }
}
