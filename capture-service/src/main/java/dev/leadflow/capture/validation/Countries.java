package dev.leadflow.capture.validation;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a country as forms state it, as an ISO 3166-1 alpha-2 code ({@code DE}). Accepts alpha-2 and alpha-3 codes
 * in any case, the JDK's English country names ({@link Locale#getISOCountries()}) ignoring case, accents and
 * punctuation, and common aliases the JDK does not know ({@code UK}, {@code USA}, {@code Holland}).
 */
public final class Countries {

    private static final Pattern ACCENTS = Pattern.compile("\\p{M}");
    private static final Pattern ABBREVIATION_MARKS = Pattern.compile("[.'’]");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    // Names and abbreviations people type that are neither codes nor the JDK's English display names.
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("uk", "GB"), Map.entry("great britain", "GB"), Map.entry("britain", "GB"),
            Map.entry("england", "GB"), Map.entry("scotland", "GB"), Map.entry("wales", "GB"),
            Map.entry("northern ireland", "GB"), Map.entry("united kingdom of great britain and northern ireland", "GB"),
            Map.entry("usa", "US"), Map.entry("america", "US"), Map.entry("united states of america", "US"),
            Map.entry("uae", "AE"), Map.entry("holland", "NL"), Map.entry("czech republic", "CZ"),
            Map.entry("russian federation", "RU"), Map.entry("south korea", "KR"), Map.entry("republic of korea", "KR"),
            Map.entry("north korea", "KP"), Map.entry("turkey", "TR"), Map.entry("turkiye", "TR"),
            Map.entry("ivory coast", "CI"), Map.entry("vatican", "VA"),
            Map.entry("vatican city", "VA"), Map.entry("macedonia", "MK"), Map.entry("swaziland", "SZ"),
            Map.entry("burma", "MM"), Map.entry("cape verde", "CV"), Map.entry("east timor", "TL"),
            Map.entry("viet nam", "VN"), Map.entry("hong kong", "HK"), Map.entry("macau", "MO"),
            Map.entry("macao", "MO"), Map.entry("palestine", "PS"), Map.entry("bosnia", "BA"),
            Map.entry("drc", "CD"), Map.entry("dr congo", "CD"), Map.entry("republic of the congo", "CG"));
    private static final Map<String, String> BY_KEY = index();

    private Countries() {
    }

    /** The alpha-2 code of {@code text}, upper-cased; empty when it names no country. */
    public static Optional<String> alpha2(String text) {
        return Optional.ofNullable(BY_KEY.get(key(text)));
    }

    private static Map<String, String> index() {
        Map<String, String> byKey = new HashMap<>();
        ALIASES.forEach((alias, code) -> byKey.put(key(alias), code));
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            byKey.put(key(country.getDisplayCountry(Locale.ENGLISH)), code);
            byKey.put(key(country.getISO3Country()), code);
            // Codes last: a two- or three-letter input is read as a code before anything else.
            byKey.put(key(code), code);
        }
        return Map.copyOf(byKey);
    }

    /** Lower case without accents, "&" spelt "and", "Saint" as "St", without a leading "the" and punctuation. */
    private static String key(String text) {
        String plain = ACCENTS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace("&", " and ");
        // "U.S.A." is "usa" and "Côte d’Ivoire" is "cote divoire", however the dots and apostrophes are typed.
        String words = NOT_ALPHANUMERIC.matcher(ABBREVIATION_MARKS.matcher(plain).replaceAll("")).replaceAll(" ")
                .strip();
        return words.replaceFirst("^the ", "").replaceAll("\\bsaint\\b", "st");
    }
}
