package dev.leadflow.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.LifecycleStage;
import dev.leadflow.events.ScoreReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreDecisionTest {

    private static final QualificationPolicy POLICY = new QualificationPolicy(100, null);

    @Test
    void aFirstScoreIsPublished() {
        assertThat(ScoreDecision.decide(null, score(10, 0), POLICY, LifecycleStage.LEAD))
                .isEqualTo(new ScoreDecision(true, false));
    }

    @Test
    void aScoreReachingTheThresholdWithAKnownProfileQualifies() {
        assertThat(ScoreDecision.decide(score(60, 20), score(60, 40), POLICY, LifecycleStage.LEAD))
                .isEqualTo(new ScoreDecision(true, true));
        assertThat(ScoreDecision.decide(null, score(90, 45), POLICY, LifecycleStage.LEAD))
                .isEqualTo(new ScoreDecision(true, true));
    }

    @Test
    void aScoreBelowTheThresholdDoesNotQualify() {
        assertThat(ScoreDecision.decide(score(60, 20), score(60, 39), POLICY, LifecycleStage.LEAD).qualify()).isFalse();
    }

    @Test
    void aLeadWithoutProfileHasNoStageAndDoesNotQualifyHoweverHighItScores() {
        assertThat(ScoreDecision.decide(null, score(0, 150), POLICY, null))
                .isEqualTo(new ScoreDecision(true, false));
    }

    @Test
    void aLeadWaitingForItsProfileQualifiesWhenTheProfileArrivesEvenIfItsPointsDidNotChange() {
        Score high = score(0, 120);

        assertThat(ScoreDecision.decide(high, high, POLICY, LifecycleStage.LEAD))
                .isEqualTo(new ScoreDecision(true, true));
    }

    @Test
    void anMqlDoesNotQualifyAgainForTheSameQualification() {
        assertThat(ScoreDecision.decide(score(80, 40), score(80, 60), POLICY, LifecycleStage.MQL))
                .isEqualTo(new ScoreDecision(true, false));
    }

    @Test
    void aRecycledOrNurturedLeadQualifiesAgain() {
        assertThat(ScoreDecision.decide(score(80, 40), score(80, 45), POLICY, LifecycleStage.RECYCLED).qualify())
                .isTrue();
        assertThat(ScoreDecision.decide(score(80, 10), score(80, 45), POLICY, LifecycleStage.NURTURE).qualify())
                .isTrue();
    }

    @Test
    void leadsSalesOwnsOrThatAreDisqualifiedNeverQualifyFromAScore() {
        for (LifecycleStage stage : List.of(LifecycleStage.SAL, LifecycleStage.SQL, LifecycleStage.OPPORTUNITY,
                LifecycleStage.CUSTOMER, LifecycleStage.DISQUALIFIED)) {
            assertThat(ScoreDecision.decide(null, score(90, 90), POLICY, stage).qualify()).as(stage.key()).isFalse();
        }
    }

    @Test
    void aMinimumFitKeepsEngagementAloneFromQualifying() {
        QualificationPolicy withMinimumFit = new QualificationPolicy(100, 30);

        assertThat(ScoreDecision.decide(null, score(29, 200), withMinimumFit, LifecycleStage.LEAD).qualify())
                .isFalse();
        assertThat(ScoreDecision.decide(null, score(30, 70), withMinimumFit, LifecycleStage.LEAD).qualify())
                .isTrue();
    }

    @Test
    void anUnchangedScoreIsNotPublishedAgain() {
        assertThat(ScoreDecision.decide(score(20, 10), score(20, 10), POLICY, LifecycleStage.LEAD))
                .isEqualTo(new ScoreDecision(false, false));
        assertThat(ScoreDecision.decide(score(80, 40), score(80, 40), POLICY, LifecycleStage.MQL))
                .isEqualTo(new ScoreDecision(false, false));
    }

    @Test
    void decaySendsALeadOrARecycledLeadWhoseTotalFellShortOfThePolicyToNurture() {
        for (LifecycleStage stage : new LifecycleStage[] {LifecycleStage.LEAD, LifecycleStage.RECYCLED}) {
            assertThat(ScoreDecision.decideOnDecay(score(60, 30), score(60, 20), POLICY, stage))
                    .isEqualTo(new ScoreDecision(true, false, true));
        }
    }

    @Test
    void decayNeverMovesAnMqlALeadSalesOwnsOrANurturedLeadButTheirScoreUpdates() {
        for (LifecycleStage stage : new LifecycleStage[] {LifecycleStage.MQL, LifecycleStage.SAL, LifecycleStage.SQL,
                LifecycleStage.OPPORTUNITY, LifecycleStage.CUSTOMER, LifecycleStage.DISQUALIFIED,
                LifecycleStage.NURTURE}) {
            assertThat(ScoreDecision.decideOnDecay(score(60, 50), score(60, 20), POLICY, stage))
                    .as(stage.key()).isEqualTo(new ScoreDecision(true, false, false));
        }
    }

    @Test
    void decayLeavesALeadWhoseTotalDidNotFallOrStillMeetsThePolicyWhereItIs() {
        assertThat(ScoreDecision.decideOnDecay(score(60, 30), score(60, 30), POLICY, LifecycleStage.LEAD))
                .isEqualTo(new ScoreDecision(false, false, false));
        assertThat(ScoreDecision.decideOnDecay(score(60, 10), score(60, 20), POLICY, LifecycleStage.LEAD))
                .isEqualTo(new ScoreDecision(true, false, false));
        assertThat(ScoreDecision.decideOnDecay(null, score(60, 20), POLICY, LifecycleStage.LEAD))
                .isEqualTo(new ScoreDecision(true, false, false));
        // Still at or above the threshold (but the lead could not qualify, e.g. known only from touchpoints).
        assertThat(ScoreDecision.decideOnDecay(score(0, 150), score(0, 120), POLICY, null))
                .isEqualTo(new ScoreDecision(true, false, false));
    }

    @Test
    void decayThatLeavesALeadShortOfTheMinimumFitSendsItToNurture() {
        QualificationPolicy withMinimumFit = new QualificationPolicy(100, 30);

        assertThat(ScoreDecision.decideOnDecay(score(20, 100), score(20, 90), withMinimumFit, LifecycleStage.LEAD)
                .nurture()).isTrue();
    }

    @Test
    void aSubscriberDoesNotQualifyHoweverHighItScores() {
        assertThat(ScoreDecision.decide(score(90, 20), score(90, 40), POLICY, LifecycleStage.SUBSCRIBER))
                .isEqualTo(new ScoreDecision(true, false));
    }

    @Test
    void aLeadEngagedWhenItsEngagementRose() {
        assertThat(ScoreDecision.engaged(score(10, 20), score(10, 22))).isTrue();
        assertThat(ScoreDecision.engaged(score(10, 20), score(10, 20))).isFalse();
        assertThat(ScoreDecision.engaged(score(10, 20), score(30, 15))).as("fit alone is not engagement").isFalse();
        assertThat(ScoreDecision.engaged(null, score(10, 20))).as("not on the first score").isFalse();
    }

    private static Score score(int fit, int engagement) {
        return Score.of(List.of(new ScoreReason("f", "fit", fit, "fit", "x"),
                new ScoreReason("e", "engagement", engagement, "engagement", "y")));
    }
}
