package dev.leadflow.attribution.journey;

import dev.leadflow.events.Utm;

/**
 * The marketing channel of a touchpoint: its UTM source and medium, with the web-analytics convention
 * {@code (direct) / (none)} for what a visit did not say.
 */
public record Channel(String source, String medium) {

    public static final String DIRECT_SOURCE = "(direct)";
    public static final String NO_MEDIUM = "(none)";

    /** The channel a visit's UTM parameters name; blank values count as absent. */
    public static Channel of(Utm utm) {
        return new Channel(
                utm == null || isBlank(utm.source()) ? DIRECT_SOURCE : utm.source(),
                utm == null || isBlank(utm.medium()) ? NO_MEDIUM : utm.medium());
    }

    /** {@code source / medium}, e.g. {@code google / cpc}. */
    public String name() {
        return source + " / " + medium;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
