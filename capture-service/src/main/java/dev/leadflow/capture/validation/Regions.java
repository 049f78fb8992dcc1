package dev.leadflow.capture.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a region as an ISO 3166-2 subdivision code: {@code CA} or {@code US-CA} (any case) for California. The
 * country prefix, when given, must be a country code; territories compare the subdivision part, so that is what is
 * kept. Names ("California") are refused rather than guessed: a form offers the codes in a list.
 */
public final class Regions {

    private static final Pattern CODE = Pattern.compile("(?:([A-Z]{2})-)?([A-Z0-9]{1,3})");

    private Regions() {
    }

    /** The subdivision code and the country its prefix names (null without a prefix); empty when not a code. */
    public static Optional<Region> read(String text) {
        Matcher code = CODE.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!code.matches()) {
            return Optional.empty();
        }
        String country = code.group(1);
        if (country != null && Countries.alpha2(country).filter(country::equals).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Region(country, code.group(2)));
    }

    /** A subdivision code, with the country its code was prefixed with (null when none was). */
    public record Region(String country, String subdivision) {
    }
}
