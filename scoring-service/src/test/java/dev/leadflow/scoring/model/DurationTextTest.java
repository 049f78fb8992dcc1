package dev.leadflow.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsDaysHoursAndMinutes() {
        assertThat(DurationText.parse("30d")).contains(Duration.ofDays(30));
        assertThat(DurationText.parse(" 12h ")).contains(Duration.ofHours(12));
        assertThat(DurationText.parse("90m")).contains(Duration.ofMinutes(90));
    }

    @Test
    void refusesZeroOtherUnitsAndFreeText() {
        for (String text : new String[] {"0d", "30", "30 days", "1w", "-3d", "1.5d", "d", ""}) {
            assertThat(DurationText.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void writesTheShortestWholeUnit() {
        assertThat(DurationText.of(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(DurationText.of(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(DurationText.of(Duration.ofMinutes(90))).isEqualTo("90m");
    }
}
