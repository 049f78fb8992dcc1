package dev.leadflow.scoring.model;

import static dev.leadflow.scoring.model.Leads.lead;
import static dev.leadflow.scoring.model.Leads.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.events.ScoreEvidence;
import dev.leadflow.events.ScoreReason;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ScoringModelTest {

    private static final FitRule SENIOR = new FitRule("senior", "Senior title", 30,
            new FieldMatches(LeadField.JOB_TITLE, Pattern.compile("(?i)\\bvp\\b")));
    private static final FitRule ENTERPRISE = new FitRule("enterprise", "1000+ employees", 25,
            new CompanySizeAtLeast(1000));
    private static final FitRule FREE_MAIL = new FitRule("free-mail", "Free mail", -20, new FreeMailDomain());
    private static final EngagementRule PAGE_VIEWS = new EngagementRule("page-views", "Page views", 3,
            new TouchpointType(Set.of("page_view")), 10);
    private static final EngagementRule WEBINAR = new EngagementRule("webinar", "Webinar", 15,
            new TouchpointType(Set.of("webinar")), null);
    private static final EngagementRule UNSUBSCRIBED = new EngagementRule("unsubscribed", "Unsubscribed", -8,
            new TouchpointType(Set.of("unsubscribe")), 10);

    private static final ScoringModel MODEL = new ScoringModel("test-1", 100,
            List.of(SENIOR, ENTERPRISE, FREE_MAIL), List.of(PAGE_VIEWS, WEBINAR, UNSUBSCRIBED));

    @Test
    void addsThePointsOfEveryMatchingRuleWithOneReasonEach() {
        Score score = score(lead("ada@acme.example", "VP Sales", "US", "1000+"),
                List.of(touchpoint("webinar", null, 1)));

        assertThat(score.fit()).isEqualTo(55);
        assertThat(score.engagement()).isEqualTo(15);
        assertThat(score.total()).isEqualTo(70);
        assertThat(score.reasons()).containsExactly(
                new ScoreReason("senior", "fit", 30, "Senior title", "jobTitle=VP Sales",
                        List.of(new ScoreEvidence("jobTitle", "VP Sales", null, null, null, null, null, null, 1))),
                new ScoreReason("enterprise", "fit", 25, "1000+ employees", "companySize=1000+",
                        List.of(new ScoreEvidence("companySize", "1000+", null, null, null, null, null, null, 1))),
                new ScoreReason("webinar", "engagement", 15, "Webinar", "webinar",
                        List.of(new ScoreEvidence(null, null, null, "webinar", null, Leads.T0.plusSeconds(60), 15, null,
                                1))));
    }

    @Test
    void reasonsAlwaysAddUpToTheScore() {
        List<LeadFacts> leads = List.of(LeadFacts.UNKNOWN, lead("ada@gmail.com", "VP", "US", "5000+"),
                lead("bob@acme.example", "Intern", null, "10"));
        List<List<Touchpoint>> journeys = List.of(List.of(),
                List.of(touchpoint("page_view", "/a", 1), touchpoint("page_view", "/b", 2),
                        touchpoint("page_view", "/c", 3), touchpoint("page_view", "/d", 4),
                        touchpoint("unsubscribe", null, 5), touchpoint("webinar", null, 6)));

        for (LeadFacts lead : leads) {
            for (List<Touchpoint> journey : journeys) {
                Score score = score(lead, journey);
                int sum = score.reasons().stream().mapToInt(ScoreReason::points).sum();
                assertThat(sum).as("reasons of %s with %s", lead, journey).isEqualTo(score.total());
                assertThat(score.total()).isEqualTo(score.fit() + score.engagement());
            }
        }
    }

    @Test
    void engagementCountsEveryMatchingTouchpointUpToTheCap() {
        Score twoViews = score(LeadFacts.UNKNOWN,
                List.of(touchpoint("page_view", "/a", 1), touchpoint("page_view", "/b", 2)));
        Score fiveViews = score(LeadFacts.UNKNOWN, List.of(touchpoint("page_view", "/a", 1),
                touchpoint("page_view", "/b", 2), touchpoint("page_view", "/c", 3), touchpoint("page_view", "/d", 4),
                touchpoint("page_view", "/e", 5)));

        assertThat(twoViews.engagement()).isEqualTo(6);
        assertThat(twoViews.reasons().get(0).evidence()).isEqualTo("2 touchpoints, latest page_view /b");
        assertThat(fiveViews.engagement()).isEqualTo(10);
        assertThat(fiveViews.reasons().get(0).evidence()).isEqualTo("5 touchpoints, latest page_view /e, capped at 10");
    }

    @Test
    void anUncappedRuleCountsEveryTouchpoint() {
        Score score = score(LeadFacts.UNKNOWN, List.of(touchpoint("webinar", null, 1),
                touchpoint("webinar", null, 2), touchpoint("webinar", null, 3), touchpoint("webinar", null, 4)));

        assertThat(score.engagement()).isEqualTo(60);
    }

    @Test
    void negativePointsSubtractAndTheirCapLimitsHowMuch() {
        Score freeMail = score(lead("ada@gmail.com", null, null, null), List.of());
        Score unsubscribedTwice = score(LeadFacts.UNKNOWN,
                List.of(touchpoint("unsubscribe", null, 1), touchpoint("unsubscribe", null, 2)));

        assertThat(freeMail.fit()).isEqualTo(-20);
        assertThat(freeMail.reasons()).extracting(ScoreReason::evidence).containsExactly("email=@gmail.com");
        assertThat(unsubscribedTwice.engagement()).isEqualTo(-10);
    }

    @Test
    void aLeadKnownOnlyFromTouchpointsScoresOnEngagementAlone() {
        Score score = score(LeadFacts.UNKNOWN, List.of(touchpoint("webinar", null, 1)));

        assertThat(score.fit()).isZero();
        assertThat(score.reasons()).extracting(ScoreReason::dimension).containsOnly("engagement");
    }

    @Test
    void nothingMatchingScoresZeroWithoutReasons() {
        Score score = score(lead("ada@acme.example", "Engineer", "FR", "10"),
                List.of(touchpoint("email_click", null, 1)));

        assertThat(score.total()).isZero();
        assertThat(score.reasons()).isEmpty();
    }

    @Test
    void aScoreCannotDisagreeWithItsReasons() {
        List<ScoreReason> reasons = List.of(new ScoreReason("senior", "fit", 30, "Senior", "jobTitle=VP"));

        assertThatThrownBy(() -> new Score(30, 0, 31, reasons)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Score(20, 10, 30, reasons)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Score.of(reasons)).isEqualTo(new Score(30, 0, 30, reasons));
    }

    @Test
    void rejectsRulesWithoutIdDescriptionPointsOrCondition() {
        LeadCondition any = new FieldPresent(LeadField.EMAIL);

        assertThatThrownBy(() -> new FitRule(" ", "d", 1, any)).hasMessage("id: must not be blank");
        assertThatThrownBy(() -> new FitRule("r", null, 1, any)).hasMessage("description: must not be blank");
        assertThatThrownBy(() -> new FitRule("r", "d", 0, any)).hasMessage("points: must not be 0");
        assertThatThrownBy(() -> new FitRule("r", "d", 1, null)).hasMessage("condition: is required");
    }

    @Test
    void rejectsACapBelowTheRulesOwnPoints() {
        assertThatThrownBy(() -> new EngagementRule("r", "d", -20, new TouchpointType(Set.of("x")), 10))
                .hasMessageStartingWith("maxPoints: must be at least the rule's points in absolute value (20)");
    }

    @Test
    void rejectsAModelWithoutVersionRulesOrAPositiveThreshold() {
        assertThatThrownBy(() -> new ScoringModel("", 100, List.of(SENIOR), List.of()))
                .hasMessage("version: must not be blank");
        assertThatThrownBy(() -> new ScoringModel("v", 0, List.of(SENIOR), List.of()))
                .hasMessage("threshold: must be at least 1");
        assertThatThrownBy(() -> new ScoringModel("v", 100, List.of(), List.of()))
                .hasMessage("fit, engagement: the model has no rules");
    }

    @Test
    void rejectsTwoRulesWithTheSameId() {
        EngagementRule clash = new EngagementRule("senior", "Clash", 1, new TouchpointType(Set.of("x")), null);

        assertThatThrownBy(() -> new ScoringModel("v", 100, List.of(SENIOR), List.of(clash)))
                .hasMessage("id: rule id 'senior' is used by more than one rule");
    }

    @Test
    void namesTheRulesWhosePointsChangeWithTimeAlone() {
        TouchpointType pageView = new TouchpointType(Set.of("page_view"));
        ScoringModel model = new ScoringModel("time", new QualificationPolicy(100, null), null, List.of(SENIOR),
                List.of(PAGE_VIEWS,
                        new EngagementRule("halving", "Halving", 5, pageView, true, null,
                                new HalfLife(Duration.ofDays(30))),
                        new EngagementRule("expiring", "Expiring", 5, pageView, true, null,
                                new ExpiresAfter(Duration.ofDays(90))),
                        new EngagementRule("binge", "Binge", 5,
                                new TouchpointCount(pageView, 3, Duration.ofDays(7)), false, null, null)));

        assertThat(model.rulesChangingOverTime()).containsExactly("halving", "expiring", "binge");
        assertThat(MODEL.rulesChangingOverTime()).isEmpty();
    }

    private static Score score(LeadFacts lead, List<Touchpoint> touchpoints) {
        return MODEL.score(lead, touchpoints, Leads.NOW);
    }
}
