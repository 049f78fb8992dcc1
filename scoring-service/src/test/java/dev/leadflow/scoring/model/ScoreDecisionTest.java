package dev.leadflow.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.ScoreReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreDecisionTest {

    private static final int THRESHOLD = 100;

    @Test
    void aFirstScoreIsPublished() {
        assertThat(ScoreDecision.decide(null, score(10, 0), THRESHOLD, false, true))
                .isEqualTo(new ScoreDecision(true, false));
    }

    @Test
    void aScoreReachingTheThresholdWithAKnownProfileQualifies() {
        assertThat(ScoreDecision.decide(score(60, 20), score(60, 40), THRESHOLD, false, true))
                .isEqualTo(new ScoreDecision(true, true));
        assertThat(ScoreDecision.decide(null, score(90, 45), THRESHOLD, false, true))
                .isEqualTo(new ScoreDecision(true, true));
    }

    @Test
    void aScoreBelowTheThresholdDoesNotQualify() {
        assertThat(ScoreDecision.decide(score(60, 20), score(60, 39), THRESHOLD, false, true).qualify()).isFalse();
    }

    @Test
    void aLeadWithoutProfileDoesNotQualifyHoweverHighItScores() {
        assertThat(ScoreDecision.decide(null, score(0, 150), THRESHOLD, false, false))
                .isEqualTo(new ScoreDecision(true, false));
    }

    @Test
    void aLeadWaitingForItsProfileQualifiesWhenTheProfileArrivesEvenIfItsPointsDidNotChange() {
        Score high = score(0, 120);

        assertThat(ScoreDecision.decide(high, high, THRESHOLD, false, true)).isEqualTo(new ScoreDecision(true, true));
    }

    @Test
    void aQualifiedLeadNeverQualifiesAgain() {
        assertThat(ScoreDecision.decide(score(80, 40), score(80, 60), THRESHOLD, true, true))
                .isEqualTo(new ScoreDecision(true, false));
    }

    @Test
    void anUnchangedScoreIsNotPublishedAgain() {
        assertThat(ScoreDecision.decide(score(20, 10), score(20, 10), THRESHOLD, false, true))
                .isEqualTo(new ScoreDecision(false, false));
        assertThat(ScoreDecision.decide(score(80, 40), score(80, 40), THRESHOLD, true, true))
                .isEqualTo(new ScoreDecision(false, false));
    }

    private static Score score(int fit, int engagement) {
        return Score.of(List.of(new ScoreReason("f", "fit", fit, "fit", "x"),
                new ScoreReason("e", "engagement", engagement, "engagement", "y")));
    }
}
