package dev.leadflow.scoring.lead;

/** What rescoring a lead did: nothing (same points), published a new score, or also qualified the lead. */
public enum RescoreOutcome {
    UNCHANGED,
    CHANGED,
    QUALIFIED
}
