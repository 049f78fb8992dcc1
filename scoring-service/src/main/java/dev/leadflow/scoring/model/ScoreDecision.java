package dev.leadflow.scoring.model;

import dev.leadflow.events.LifecycleStage;

/**
 * What a new score means for a lead: whether it is worth publishing (the first score, or the points changed), whether
 * the lead qualifies now, and whether it goes to nurture. A lead qualifies when the policy says so and its stage may
 * move to MQL: a lead known only from touchpoints (no stage yet) waits for its capture however high it scores, an MQL
 * does not qualify twice for one qualification, a subscriber must first engage (and become a lead), and a recycled or
 * nurtured lead qualifies again (a new qualification). Only decay sends a lead to nurture ({@link #decideOnDecay}).
 * A subscriber becomes a lead when it {@link #engaged} (does something that scores).
 */
public record ScoreDecision(boolean publish, boolean qualify, boolean nurture) {

    public ScoreDecision(boolean publish, boolean qualify) {
        this(publish, qualify, false);
    }

    /**
     * @param previous the lead's last score, or null when it was never scored
     * @param stage the lead's stage, or null while it is known only from touchpoints
     */
    public static ScoreDecision decide(Score previous, Score current, QualificationPolicy policy,
            LifecycleStage stage) {
        boolean qualify = stage != null && stage != LifecycleStage.SUBSCRIBER && stage.canMoveTo(LifecycleStage.MQL)
                && policy.qualifies(current);
        boolean publish = previous == null || !previous.samePointsAs(current) || qualify;
        return new ScoreDecision(publish, qualify);
    }

    /** Whether the lead did something that scores: its engagement rose (never on its first score). */
    public static boolean engaged(Score previous, Score current) {
        return previous != null && current.engagement() > previous.engagement();
    }

    /**
     * A re-score because time passed: as {@link #decide}, and a lead that marketing still holds ({@code lead} or
     * {@code recycled}) whose total fell and is now short of the policy goes to nurture. An MQL, a lead sales owns and
     * a lead already in nurture keep their stage (their score still updates).
     */
    public static ScoreDecision decideOnDecay(Score previous, Score current, QualificationPolicy policy,
            LifecycleStage stage) {
        ScoreDecision decision = decide(previous, current, policy, stage);
        boolean fell = previous != null && current.total() < previous.total();
        boolean nurture = fell && !policy.qualifies(current)
                && (stage == LifecycleStage.LEAD || stage == LifecycleStage.RECYCLED);
        return new ScoreDecision(decision.publish(), decision.qualify(), nurture);
    }
}
