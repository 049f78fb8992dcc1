package dev.leadflow.scoring.model;

/**
 * What a new score means for a lead: whether it is worth publishing (the first score, or the points changed) and
 * whether the lead qualifies now. A lead qualifies once, when its total first reaches the threshold while its profile
 * is known; a lead known only from touchpoints waits for its capture, however high it scores.
 */
public record ScoreDecision(boolean publish, boolean qualify) {

    /**
     * @param previous the lead's last score, or null when it was never scored
     */
    public static ScoreDecision decide(Score previous, Score current, int threshold, boolean alreadyQualified,
            boolean profileKnown) {
        boolean qualify = !alreadyQualified && profileKnown && current.total() >= threshold;
        boolean publish = previous == null || !previous.samePointsAs(current) || qualify;
        return new ScoreDecision(publish, qualify);
    }
}
