package dev.leadflow.routing.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads a {@code timestamptz} column of a native query, whichever Java type the driver chose. */
final class Timestamps {

    private Timestamps() {
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
