package dev.leadflow.scoring.model;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the model file writes them: a whole number and a unit, {@code 30d}, {@code 12h}, {@code 90m}. */
public final class DurationText {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,6})([dhm])");

    private DurationText() {
    }

    /** The duration {@code text} states, or empty when it is not of the form {@code <number><d|h|m>} or is 0. */
    public static Optional<Duration> parse(String text) {
        Matcher matcher = TEXT.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        };
        return duration.isZero() ? Optional.empty() : Optional.of(duration);
    }

    /** The shortest text for {@code duration} in whole days, hours or minutes. */
    public static String of(Duration duration) {
        if (duration.toMinutes() % (24 * 60) == 0) {
            return duration.toDays() + "d";
        }
        return duration.toMinutes() % 60 == 0 ? duration.toHours() + "h" : duration.toMinutes() + "m";
    }
}
