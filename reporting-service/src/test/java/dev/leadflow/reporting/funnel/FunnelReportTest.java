package dev.leadflow.reporting.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FunnelReportTest {

    @Test
    void convertsBetweenEachPairOfConsecutiveStages() {
        FunnelReport report = FunnelReport.of(new StageCounts(200, 180, 45, 40, 10));

        assertThat(report.conversions()).containsExactly(
                new Conversion(FunnelStage.CAPTURED, FunnelStage.SCORED, OptionalDouble.of(0.9)),
                new Conversion(FunnelStage.SCORED, FunnelStage.QUALIFIED, OptionalDouble.of(0.25)),
                new Conversion(FunnelStage.QUALIFIED, FunnelStage.ROUTED, OptionalDouble.of(0.8889)),
                new Conversion(FunnelStage.ROUTED, FunnelStage.CONTACTED, OptionalDouble.of(0.25)));
        assertThat(report.counts()).isEqualTo(new StageCounts(200, 180, 45, 40, 10));
    }

    @Test
    void roundsRatesHalfUpToFourDecimals() {
        assertThat(FunnelReport.rate(2, 3)).hasValue(0.6667);
        assertThat(FunnelReport.rate(1, 3)).hasValue(0.3333);
        assertThat(FunnelReport.rate(1, 8)).hasValue(0.125);
        assertThat(FunnelReport.rate(1, 20_000)).hasValue(0.0001);
        assertThat(FunnelReport.rate(1, 30_000)).hasValue(0.0);
    }

    @Test
    void leavesTheRateUndefinedWhenNoLeadReachedTheEarlierStage() {
        FunnelReport report = FunnelReport.of(new StageCounts(3, 0, 0, 0, 0));

        assertThat(report.conversions()).extracting(Conversion::rate).containsExactly(OptionalDouble.of(0.0),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    @Test
    void reportsARateAboveOneAsIsWhileEventsAreInFlight() {
        assertThat(FunnelReport.rate(3, 2)).hasValue(1.5);
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> new StageCounts(1, 1, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheCountOfEachStage() {
        StageCounts counts = new StageCounts(5, 4, 3, 2, 1);

        assertThat(FunnelStage.values()).extracting(counts::of).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(FunnelStage.values()).extracting(FunnelStage::label)
                .containsExactly("captured", "scored", "qualified", "routed", "contacted");
    }
}
