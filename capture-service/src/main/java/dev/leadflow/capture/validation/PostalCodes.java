package dev.leadflow.capture.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a postal code the way territories compare them: upper case, surrounding space removed, inner runs of
 * space as one. Any country's format passes (letters, digits, one space or hyphen between them, 2 to 12
 * characters); whether it exists is not checked.
 */
public final class PostalCodes {

    public static final int MAX_LENGTH = 12;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9](?:[A-Z0-9]|[ -](?=[A-Z0-9]))+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PostalCodes() {
    }

    /** The normalised postal code; empty when {@code text} is not one. */
    public static Optional<String> normalise(String text) {
        String code = SPACES.matcher(text.strip()).replaceAll(" ").toUpperCase(Locale.ROOT);
        return code.length() <= MAX_LENGTH && CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}
