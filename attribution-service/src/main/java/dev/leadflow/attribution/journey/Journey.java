package dev.leadflow.attribution.journey;

import java.util.List;
import java.util.UUID;

/**
 * A lead's touchpoints in time order, with the first and last touch of the whole journey.
 *
 * @param touchpoints      in time order; the most recent ones only when the journey was longer than the limit
 * @param totalTouchpoints how many touchpoints the whole journey has
 */
public record Journey(
        UUID leadId,
        List<Touchpoint> touchpoints,
        int totalTouchpoints,
        TouchSummary firstTouch,
        TouchSummary lastTouch) {

    public Journey {
        touchpoints = List.copyOf(touchpoints);
    }

    /** True when older touchpoints were left out of {@link #touchpoints()}. */
    public boolean truncated() {
        return touchpoints.size() < totalTouchpoints;
    }
}
