package dev.leadflow.scoring.model;

/**
 * When a lead is an MQL: its total reaches {@code threshold} and, when {@code minimumFit} is set, its fit reaches
 * that too (so engagement alone cannot qualify a lead that is not a buyer).
 */
public record QualificationPolicy(int threshold, Integer minimumFit) {

    public static final int DEFAULT_THRESHOLD = 100;

    public QualificationPolicy {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold: must be at least 1");
        }
        if (minimumFit != null && minimumFit > threshold) {
            throw new IllegalArgumentException("minimumFit: must not exceed the threshold (" + threshold + ")");
        }
    }

    public boolean qualifies(Score score) {
        return score.total() >= threshold && (minimumFit == null || score.fit() >= minimumFit);
    }
}
