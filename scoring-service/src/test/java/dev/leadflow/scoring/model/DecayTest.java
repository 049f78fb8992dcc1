package dev.leadflow.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecayTest {

    private static final HalfLife THIRTY_DAYS = new HalfLife(Duration.ofDays(30));
    private static final ExpiresAfter NINETY_DAYS = new ExpiresAfter(Duration.ofDays(90));

    @Test
    void aHalfLifeHalvesThePointsEveryPeriod() {
        assertThat(THIRTY_DAYS.factor(Duration.ZERO)).isEqualTo(1.0);
        assertThat(THIRTY_DAYS.factor(Duration.ofDays(15))).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(THIRTY_DAYS.factor(Duration.ofDays(30))).isEqualTo(0.5);
        assertThat(THIRTY_DAYS.factor(Duration.ofDays(60))).isEqualTo(0.25);
        assertThat(THIRTY_DAYS.factor(Duration.ofDays(300))).isCloseTo(1.0 / 1024, within(1e-12));
    }

    @Test
    void aTouchpointFromTheFutureIsFresh() {
        assertThat(THIRTY_DAYS.factor(Duration.ofMinutes(-5))).isEqualTo(1.0);
        assertThat(NINETY_DAYS.factor(Duration.ofMinutes(-5))).isEqualTo(1.0);
    }

    @Test
    void anExpiryCountsInFullUntilTheExactAgeThenNotAtAll() {
        assertThat(NINETY_DAYS.factor(Duration.ZERO)).isEqualTo(1.0);
        assertThat(NINETY_DAYS.factor(Duration.ofDays(90).minusMillis(1))).isEqualTo(1.0);
        assertThat(NINETY_DAYS.factor(Duration.ofDays(90))).isZero();
        assertThat(NINETY_DAYS.factor(Duration.ofDays(400))).isZero();
    }

    @Test
    void noDecayNeverFades() {
        assertThat(Decay.NONE.factor(Duration.ofDays(10_000))).isEqualTo(1.0);
    }

    @Test
    void periodsMustBePositive() {
        assertThatThrownBy(() -> new HalfLife(Duration.ZERO)).hasMessage("halfLife: must be a positive duration");
        assertThatThrownBy(() -> new ExpiresAfter(Duration.ofDays(-1)))
                .hasMessage("expiresAfter: must be a positive duration");
    }
}
