package dev.leadflow.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.events.ScoreReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualificationPolicyTest {

    @Test
    void qualifiesFromTheThresholdOn() {
        QualificationPolicy policy = new QualificationPolicy(100, null);

        assertThat(policy.qualifies(score(60, 40))).isTrue();
        assertThat(policy.qualifies(score(60, 39))).isFalse();
        assertThat(policy.qualifies(score(-10, 200))).isTrue();
    }

    @Test
    void aMinimumFitMustBeReachedToo() {
        QualificationPolicy policy = new QualificationPolicy(100, 40);

        assertThat(policy.qualifies(score(40, 60))).isTrue();
        assertThat(policy.qualifies(score(39, 200))).isFalse();
        assertThat(policy.qualifies(score(80, 19))).isFalse();
    }

    @Test
    void rejectsAThresholdBelowOneAndAMinimumFitAboveTheThreshold() {
        assertThatThrownBy(() -> new QualificationPolicy(0, null)).hasMessage("threshold: must be at least 1");
        assertThatThrownBy(() -> new QualificationPolicy(100, 101))
                .hasMessage("minimumFit: must not exceed the threshold (100)");
    }

    private static Score score(int fit, int engagement) {
        return Score.of(List.of(new ScoreReason("f", "fit", fit, "f", "x"),
                new ScoreReason("e", "engagement", engagement, "e", "y")));
    }
}
