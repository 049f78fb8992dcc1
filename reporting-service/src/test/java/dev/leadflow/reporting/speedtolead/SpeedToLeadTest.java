package dev.leadflow.reporting.speedtolead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpeedToLeadTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void measuresTheWaitBetweenTwoInstants() {
        assertThat(SpeedToLead.elapsed(T, T.plusMillis(2_345))).hasValue(Duration.ofMillis(2_345));
        assertThat(SpeedToLead.elapsed(T, T.plusNanos(1_000))).hasValue(Duration.ofNanos(1_000));
    }

    @Test
    void measuresAnInstantRoutingAsZero() {
        assertThat(SpeedToLead.elapsed(T, T)).hasValue(Duration.ZERO);
    }

    @Test
    void refusesANegativeWait() {
        assertThat(SpeedToLead.elapsed(T, T.minusMillis(1))).isEmpty();
    }

    @Test
    void needsBothInstants() {
        assertThat(SpeedToLead.elapsed(null, T)).isEmpty();
        assertThat(SpeedToLead.elapsed(T, null)).isEmpty();
    }

    @Test
    void labelsEachStageForPrometheus() {
        assertThat(SpeedToLeadStage.values()).extracting(SpeedToLeadStage::label)
                .containsExactly("capture_to_routed", "routed_to_contact");
    }
}
