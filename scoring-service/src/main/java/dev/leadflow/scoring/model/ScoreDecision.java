package dev.leadflow.scoring.model;

import dev.leadflow.events.LifecycleStage;

/**
 * What a new score means for a lead: whether it is worth publishing (the first score, or the points changed) and
 * whether the lead qualifies now. A lead qualifies when the policy says so and its stage may move to MQL: a lead
 * known only from touchpoints (no stage yet) waits for its capture however high it scores, an MQL does not qualify
 * twice for one qualification, and a recycled lead qualifies again (a new qualification).
 */
public record ScoreDecision(boolean publish, boolean qualify) {

    /**
     * @param previous the lead's last score, or null when it was never scored
     * @param stage the lead's stage, or null while it is known only from touchpoints
     */
    public static ScoreDecision decide(Score previous, Score current, QualificationPolicy policy,
            LifecycleStage stage) {
        boolean qualify = stage != null && stage.canMoveTo(LifecycleStage.MQL) && policy.qualifies(current);
        boolean publish = previous == null || !previous.samePointsAs(current) || qualify;
        return new ScoreDecision(publish, qualify);
    }
}
