package dev.leadflow.scoring.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * At least {@code atLeast} touchpoints satisfying {@code of} occurred within {@code within} before the moment of
 * scoring, e.g. "3 page views in 7 days". A touchpoint exactly {@code within} old is outside the window; one dated
 * after the moment of scoring (clock skew) counts as just now.
 */
public record TouchpointCount(TouchpointCondition of, int atLeast, Duration within) implements Condition {

    public TouchpointCount {
        Objects.requireNonNull(of, "of");
        if (atLeast < 1) {
            throw new IllegalArgumentException("atLeast: must be at least 1");
        }
        if (within == null || within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("within: must be a positive duration");
        }
    }

    /** The matching touchpoints inside the window ending at {@code now}, when there are enough of them; else none. */
    public List<Touchpoint> counted(List<Touchpoint> touchpoints, Instant now) {
        Instant start = now.minus(within);
        List<Touchpoint> inWindow = touchpoints.stream()
                .filter(touchpoint -> touchpoint.occurredAt().isAfter(start) && of.matches(touchpoint))
                .toList();
        return inWindow.size() >= atLeast ? inWindow : List.of();
    }
}
