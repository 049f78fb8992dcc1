package dev.leadflow.reporting.speedtolead;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Speed-to-lead arithmetic: how long a lead waited between two lifecycle instants. */
public final class SpeedToLead {

    private SpeedToLead() {
    }

    /**
     * The time from {@code start} to {@code end}, or empty when either is unknown or {@code end} precedes
     * {@code start}: a negative wait (clock skew between services, a contact logged before routing) is not a
     * speed and would corrupt the histogram.
     */
    public static Optional<Duration> elapsed(Instant start, Instant end) {
        if (start == null || end == null || end.isBefore(start)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(start, end));
    }
}
