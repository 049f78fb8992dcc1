package dev.leadflow.devstack.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a token lifetime as a user types it: {@code 90s}, {@code 30m}, {@code 1h}, {@code 7d} or ISO-8601 {@code PT1H}. */
public final class TokenLifetime {

    private static final Pattern SHORT = Pattern.compile("([1-9][0-9]{0,6})([smhd])");

    private TokenLifetime() {
    }

    public static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(value);
        Duration lifetime;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            lifetime = switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                lifetime = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw invalid(text);
            }
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw invalid(text);
        }
        return lifetime;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("--ttl must be a positive duration such as 90s, 30m, 1h, 7d or PT1H, got: "
                + text);
    }
}
