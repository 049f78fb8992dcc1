package dev.leadflow.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.events.ScoreReason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradeBandsTest {

    @ParameterizedTest(name = "fit {0}, engagement {1} -> {2}")
    @CsvSource({
            "60, 60, A1", "59, 59, B2", "40, 30, B2", "39, 29, C3", "20, 10, C3", "19, 9, D4",
            "200, 0, A4", "-30, 500, D1", "0, 0, D4"})
    void gradesEachBandFromItsLowestScoreInclusive(int fit, int engagement, String grade) {
        assertThat(GradeBands.DEFAULT.grade(score(fit, engagement))).isEqualTo(grade);
    }

    @Test
    void usesTheModelsOwnBoundaries() {
        GradeBands strict = new GradeBands(List.of(80, 50, 10), List.of(100, 50, 1));

        assertThat(strict.grade(score(80, 100))).isEqualTo("A1");
        assertThat(strict.grade(score(79, 99))).isEqualTo("B2");
        assertThat(strict.grade(score(10, 1))).isEqualTo("C3");
        assertThat(strict.grade(score(9, 0))).isEqualTo("D4");
    }

    @Test
    void needsThreeStrictlyDescendingBoundariesPerDimension() {
        assertThatThrownBy(() -> new GradeBands(List.of(60, 40), List.of(60, 30, 10)))
                .hasMessageStartingWith("grades.fit: must list three strictly descending minimums");
        assertThatThrownBy(() -> new GradeBands(List.of(60, 40, 20), List.of(30, 30, 10)))
                .hasMessageStartingWith("grades.engagement: must list three strictly descending minimums");
    }

    private static Score score(int fit, int engagement) {
        return Score.of(List.of(new ScoreReason("f", "fit", fit, "f", "x"),
                new ScoreReason("e", "engagement", engagement, "e", "y")));
    }
}
