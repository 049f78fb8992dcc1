package dev.leadflow.reporting.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Stage counts of a cohort of leads and the conversion rates between consecutive stages. */
public record FunnelReport(StageCounts counts, List<Conversion> conversions) {

    /** Rates are rounded half-up to this many decimals (0.1234 = 12.34 %). */
    static final int RATE_DECIMALS = 4;

    public FunnelReport {
        conversions = List.copyOf(conversions);
    }

    public static FunnelReport of(StageCounts counts) {
        FunnelStage[] stages = FunnelStage.values();
        List<Conversion> conversions = new ArrayList<>(stages.length - 1);
        for (int i = 1; i < stages.length; i++) {
            FunnelStage from = stages[i - 1];
            FunnelStage to = stages[i];
            conversions.add(new Conversion(from, to, rate(counts.of(to), counts.of(from))));
        }
        return new FunnelReport(counts, conversions);
    }

    /**
     * {@code reached / base}. Can exceed 1 while events are in flight (a lead's routing projected before its
     * scoring) or when a stage was skipped upstream; it is reported as is rather than hidden.
     */
    static OptionalDouble rate(long reached, long base) {
        if (base == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(BigDecimal.valueOf(reached)
                .divide(BigDecimal.valueOf(base), RATE_DECIMALS, RoundingMode.HALF_UP).doubleValue());
    }
}
