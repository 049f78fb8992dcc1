package dev.leadflow.reporting.funnel;

import java.time.Instant;

/**
 * The capture-time window a report covers: {@code from} inclusive, {@code to} exclusive; either end may be open
 * (null).
 */
public record ReportWindow(Instant from, Instant to) {

    public static final ReportWindow ALL_TIME = new ReportWindow(null, null);

    public ReportWindow {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}
