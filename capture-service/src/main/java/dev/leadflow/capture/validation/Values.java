package dev.leadflow.capture.validation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Conversions of submitted text to typed values, each empty when the text does not qualify. */
public final class Values {

    private static final Set<String> TRUE = Set.of("true", "on", "1", "yes");
    private static final Set<String> FALSE = Set.of("false", "off", "0", "no");
    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Values() {
    }

    /** HTML checkboxes send "on"; hand-written forms and JSON send true/false, 1/0 or yes/no. */
    public static Optional<Boolean> bool(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return Optional.of(Boolean.TRUE);
        }
        return FALSE.contains(lower) ? Optional.of(Boolean.FALSE) : Optional.empty();
    }

    /** Only the canonical 8-4-4-4-12 form: {@link UUID#fromString} alone also accepts "1-2-3-4-5". */
    public static Optional<UUID> uuid(String text) {
        return CANONICAL_UUID.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    /** An ISO-8601 date-time with an offset, e.g. {@code 2026-03-01T10:15:30Z} or {@code ...+01:00}. */
    public static Optional<Instant> instant(String text) {
        try {
            return Optional.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
