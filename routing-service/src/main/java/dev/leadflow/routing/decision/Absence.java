package dev.leadflow.routing.decision;

import java.time.Instant;

/** An out-of-office period {@code [from, until)}: the rep takes no leads and earns no distribution credit. */
public record Absence(Instant from, Instant until) {

    public Absence {
        if (from == null || until == null || !until.isAfter(from)) {
            throw new IllegalArgumentException("an out-of-office period needs a start before its end");
        }
    }

    public boolean covers(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(until);
    }
}
