package dev.leadflow.capture.validation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Company sizes (employees) as forms state them, a count ({@code 5000}, {@code 10k}), a range ({@code 201-500},
 * {@code 1,000-4,999}, {@code 50 to 200}) or an open range ({@code 1000+}), normalised to the band that holds
 * their smallest head count: {@code 1-10}, {@code 11-50}, {@code 51-200}, {@code 201-500}, {@code 501-999},
 * {@code 1000-4999}, {@code 5000-9999}, {@code 10000+}. The bands start at the thresholds scoring uses (201, 1000),
 * so a band judges a lead as its stated size would.
 */
public final class CompanySizes {

    /** The canonical bands, smallest first. */
    public static final List<String> BANDS = List.of(
            "1-10", "11-50", "51-200", "201-500", "501-999", "1000-4999", "5000-9999", "10000+");
    private static final int[] BAND_STARTS = {1, 11, 51, 201, 501, 1000, 5000, 10_000};
    private static final Pattern SIZE = Pattern.compile(
            "(\\d{1,9})(k)?(?:(\\+)|(?:-|–|to)(\\d{1,9})(k)?)?(?:employees|people|staff)?");

    private CompanySizes() {
    }

    /** The band of {@code text}; empty when it states no head count, or a range that ends before it starts. */
    public static Optional<String> band(String text) {
        // Thousands separators and spaces carry no meaning here: "1,000 - 4,999" is "1000-4999".
        Matcher size = SIZE.matcher(text.toLowerCase(Locale.ROOT).replaceAll("[\\s,.'_]", ""));
        if (!size.matches()) {
            return Optional.empty();
        }
        long from = count(size.group(1), size.group(2));
        if (from < 1 || size.group(4) != null && count(size.group(4), size.group(5)) < from) {
            return Optional.empty();
        }
        int band = BAND_STARTS.length - 1;
        while (BAND_STARTS[band] > from) {
            band--;
        }
        return Optional.of(BANDS.get(band));
    }

    private static long count(String digits, String thousands) {
        return Long.parseLong(digits) * (thousands == null ? 1 : 1000);
    }
}
