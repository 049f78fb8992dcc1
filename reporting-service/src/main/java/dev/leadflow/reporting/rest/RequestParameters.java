package dev.leadflow.reporting.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Parses path and query parameters into problems the client can act on. Parameters are read as strings because
 * JAX-RS answers 404 to an unparsable path or query parameter.
 */
public final class RequestParameters {

    private RequestParameters() {
    }

    /** The parameter as a UUID, or a 400 problem naming it. */
    public static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid(List.of(new Problem.FieldError(name, "uuid",
                    "must be a UUID such as 0b7e4d0c-2f0e-4b8a-9d8e-3c2a1f6b5e4d")));
        }
    }

    /** The optional parameter as an instant (null when absent or blank); adds to {@code errors} when malformed. */
    public static Instant optionalInstant(String name, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "iso-instant",
                    "must be an ISO-8601 instant in UTC such as 2026-01-31T00:00:00Z"));
            return null;
        }
    }
}
