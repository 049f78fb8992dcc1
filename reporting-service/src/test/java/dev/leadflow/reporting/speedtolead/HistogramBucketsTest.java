package dev.leadflow.reporting.speedtolead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramBucketsTest {

    @Test
    void acceptsPositiveStrictlyIncreasingBounds() {
        List<Duration> bounds = List.of(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofHours(1));

        assertThat(HistogramBuckets.validated(bounds)).isEqualTo(bounds);
    }

    @Test
    void rejectsNoBounds() {
        assertThatThrownBy(() -> HistogramBuckets.validated(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> HistogramBuckets.validated(null)).hasMessageContaining("at least one");
    }

    @Test
    void rejectsZeroOrNegativeBounds() {
        assertThatThrownBy(() -> HistogramBuckets.validated(List.of(Duration.ZERO))).hasMessageContaining("positive");
        assertThatThrownBy(() -> HistogramBuckets.validated(List.of(Duration.ofMillis(-5))))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> HistogramBuckets.validated(Arrays.asList(Duration.ofSeconds(1), null)))
                .hasMessageContaining("positive");
    }

    @Test
    void rejectsBoundsOutOfOrderOrRepeated() {
        assertThatThrownBy(() -> HistogramBuckets.validated(List.of(Duration.ofSeconds(2), Duration.ofSeconds(1))))
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> HistogramBuckets.validated(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1))))
                .hasMessageContaining("strictly increasing");
    }
}
