package dev.leadflow.reporting.speedtolead;

import java.time.Duration;
import java.util.List;

/** Upper bounds of the speed-to-lead histogram buckets, checked so that a misconfiguration fails at start-up. */
public final class HistogramBuckets {

    private HistogramBuckets() {
    }

    /**
     * Returns the bounds unchanged when they are usable as Prometheus bucket bounds.
     *
     * @throws IllegalArgumentException when empty, not positive, or not strictly increasing
     */
    public static List<Duration> validated(List<Duration> bounds) {
        if (bounds == null || bounds.isEmpty()) {
            throw new IllegalArgumentException("at least one bucket bound is required");
        }
        Duration previous = Duration.ZERO;
        for (Duration bound : bounds) {
            if (bound == null || bound.isNegative() || bound.isZero()) {
                throw new IllegalArgumentException("bucket bounds must be positive, got " + bound);
            }
            if (bound.compareTo(previous) <= 0) {
                throw new IllegalArgumentException("bucket bounds must be strictly increasing, got " + bound
                        + " after " + previous);
            }
            previous = bound;
        }
        return List.copyOf(bounds);
    }
}
