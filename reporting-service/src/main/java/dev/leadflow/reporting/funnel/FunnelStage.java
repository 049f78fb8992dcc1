package dev.leadflow.reporting.funnel;

import java.util.Locale;

/** The stages of the lead funnel, in order. */
public enum FunnelStage {
    CAPTURED, SCORED, QUALIFIED, ROUTED, CONTACTED;

    /** The stage's name in reports ({@code captured}, {@code scored}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
