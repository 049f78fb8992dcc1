package dev.leadflow.scoring.model;

import java.util.Locale;

/** The two halves of a score: who the lead is (fit) and what the lead did (engagement). */
public enum Dimension {
    FIT, ENGAGEMENT;

    /** The name used in the model file and in {@link dev.leadflow.events.ScoreReason#dimension()}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
