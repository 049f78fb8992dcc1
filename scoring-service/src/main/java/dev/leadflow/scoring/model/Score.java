package dev.leadflow.scoring.model;

import dev.leadflow.events.ScoreReason;
import java.util.List;

/** A lead's score and why: the reasons add up to {@code fit}, {@code engagement} and {@code total}, always. */
public record Score(int fit, int engagement, int total, List<ScoreReason> reasons) {

    public Score {
        reasons = List.copyOf(reasons);
        if (fit != sum(reasons, Dimension.FIT) || engagement != sum(reasons, Dimension.ENGAGEMENT)
                || total != fit + engagement) {
            throw new IllegalArgumentException("Score " + fit + " + " + engagement + " = " + total
                    + " does not add up to its reasons " + reasons);
        }
    }

    /** The score its reasons add up to. */
    public static Score of(List<ScoreReason> reasons) {
        int fit = sum(reasons, Dimension.FIT);
        int engagement = sum(reasons, Dimension.ENGAGEMENT);
        return new Score(fit, engagement, fit + engagement, reasons);
    }

    /** Whether both scores have the same points (reasons may differ in evidence only). */
    public boolean samePointsAs(Score other) {
        return fit == other.fit && engagement == other.engagement;
    }

    private static int sum(List<ScoreReason> reasons, Dimension dimension) {
        return reasons.stream().filter(reason -> dimension.key().equals(reason.dimension()))
                .mapToInt(ScoreReason::points).sum();
    }
}
