package dev.leadflow.reporting.funnel;

/** How many leads of a cohort reached each stage (a lead counts in every stage it reached). */
public record StageCounts(long captured, long scored, long qualified, long routed, long contacted) {

    public StageCounts {
        if (captured < 0 || scored < 0 || qualified < 0 || routed < 0 || contacted < 0) {
            throw new IllegalArgumentException("stage counts cannot be negative");
        }
    }

    public long of(FunnelStage stage) {
        return switch (stage) {
            case CAPTURED -> captured;
            case SCORED -> scored;
            case QUALIFIED -> qualified;
            case ROUTED -> routed;
            case CONTACTED -> contacted;
        };
    }
}
