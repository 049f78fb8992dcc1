package dev.leadflow.scoring.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads company sizes as forms state them: "50", "1000+", "1,000+", "201-500", "10k+", "5000 employees". */
public final class CompanySize {

    private static final Pattern SIZE = Pattern.compile("(\\d+)(k)?(?:\\+|[-–]\\d+k?|to\\d+k?)?(?:employees|people)?");

    private CompanySize() {
    }

    /** The smallest head count the stated size allows, or empty when it states none (null, "unknown", "<10"). */
    public static Optional<Integer> lowerBound(String size) {
        if (size == null) {
            return Optional.empty();
        }
        // Thousands separators and spaces carry no meaning here; "1,000 +" is "1000+".
        String compact = size.toLowerCase(Locale.ROOT).replaceAll("[\\s,.'_]", "");
        Matcher matcher = SIZE.matcher(compact);
        if (!matcher.matches() || matcher.group(1).length() > 9) {
            return Optional.empty();
        }
        int count = Integer.parseInt(matcher.group(1));
        return Optional.of(matcher.group(2) == null ? count : count * 1000);
    }
}
