package dev.leadflow.routing.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffScheduleTest {

    private static final List<Duration> STEPS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));
    private static final BackoffSchedule SCHEDULE = new BackoffSchedule(STEPS, 0.2, Duration.ofHours(1));
    private static final double NO_SPREAD = 0.5;

    @Test
    void waitsTheNthStepAfterTheNthFailure() {
        for (int failures = 1; failures <= STEPS.size(); failures++) {
            assertThat(SCHEDULE.delayAfter(failures, NO_SPREAD, Optional.empty())).isEqualTo(STEPS.get(failures - 1));
        }
    }

    @Test
    void repeatsTheLastStepOnceTheScheduleIsUsedUp() {
        assertThat(SCHEDULE.delayAfter(6, NO_SPREAD, Optional.empty())).isEqualTo(Duration.ofMinutes(10));
        assertThat(SCHEDULE.delayAfter(100, NO_SPREAD, Optional.empty())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void spreadsEachWaitByUpToTheJitterEitherWay() {
        assertThat(SCHEDULE.delayAfter(2, 0.0, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
        assertThat(SCHEDULE.delayAfter(2, 0.25, Optional.empty())).isEqualTo(Duration.ofMillis(4500));
        assertThat(SCHEDULE.delayAfter(2, 0.75, Optional.empty())).isEqualTo(Duration.ofMillis(5500));
        assertThat(SCHEDULE.delayAfter(2, 0.999999, Optional.empty())).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void withoutJitterEveryWaitIsTheStepItself() {
        BackoffSchedule exact = new BackoffSchedule(STEPS, 0, Duration.ofHours(1));
        assertThat(exact.delayAfter(3, 0.0, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
        assertThat(exact.delayAfter(3, 0.99, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void honoursALongerRetryAfter() {
        assertThat(SCHEDULE.delayAfter(1, NO_SPREAD, Optional.of(Duration.ofSeconds(120))))
                .isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void keepsTheScheduleWhenRetryAfterAsksForLess() {
        assertThat(SCHEDULE.delayAfter(3, NO_SPREAD, Optional.of(Duration.ofSeconds(2))))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(SCHEDULE.delayAfter(3, NO_SPREAD, Optional.of(Duration.ZERO))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void capsRetryAfterAtTheConfiguredMaximum() {
        assertThat(SCHEDULE.delayAfter(1, NO_SPREAD, Optional.of(Duration.ofDays(7)))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesAnEmptyScheduleNonPositiveStepsBadJitterAndNoFailure() {
        assertThatThrownBy(() -> new BackoffSchedule(List.of(), 0.2, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffSchedule(List.of(Duration.ZERO), 0.2, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffSchedule(List.of(Duration.ofSeconds(-1)), 0.2, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffSchedule(STEPS, 1.0, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffSchedule(STEPS, -0.1, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SCHEDULE.delayAfter(0, NO_SPREAD, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
