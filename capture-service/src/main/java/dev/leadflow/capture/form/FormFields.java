package dev.leadflow.capture.form;

import dev.leadflow.capture.validation.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of {@code POST /api/v1/leads}, by their canonical (camelCase) name with every spelling intake reads
 * (the UTM fields also come as {@code utm_source} ...): what a form may require or give a default.
 */
public final class FormFields {

    /** The hidden field the tracker fills with the milliseconds between the form being shown and submitted. */
    public static final String FILL_TIME = "lfFillMs";

    private static final Map<String, List<String>> SPELLINGS = spellings();
    // Always required by intake itself.
    private static final Set<String> ALWAYS_REQUIRED = Set.of("email", "formId");
    // No defaults for these: consent must be the visitor's own decision (a default would record consent nobody
    // gave), the consent text version has its own setting, and a default visitor id would merge every visitor.
    private static final Set<String> NEVER_DEFAULTED = Set.of("email", "formId", "consentMarketing",
            "consentTextVersion", "anonymousId");

    private FormFields() {
    }

    private static Map<String, List<String>> spellings() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String name : List.of("email", "formId", "firstName", "lastName", "company", "jobTitle", "phone",
                "country", "region", "postalCode", "companySize", "industry", "consentMarketing",
                "consentTextVersion")) {
            fields.put(name, List.of(name));
        }
        for (String utm : List.of("Source", "Medium", "Campaign", "Term", "Content")) {
            fields.put("utm" + utm, List.of("utm" + utm, "utm_" + utm.toLowerCase(Locale.ROOT)));
        }
        for (String name : List.of("pageUrl", "referrer", "anonymousId", "redirectUrl")) {
            fields.put(name, List.of(name));
        }
        return Map.copyOf(fields);
    }

    /** The canonical name of a field spelled {@code name}; empty when intake does not read such a field. */
    public static Optional<String> canonical(String name) {
        return SPELLINGS.entrySet().stream().filter(e -> e.getValue().contains(name)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** Fields a form may require beyond the always required email and formId. */
    static boolean mayBeRequired(String canonical) {
        return SPELLINGS.containsKey(canonical) && !ALWAYS_REQUIRED.contains(canonical);
    }

    /** Fields a form may give a default value. */
    static boolean mayHaveDefault(String canonical) {
        return SPELLINGS.containsKey(canonical) && !NEVER_DEFAULTED.contains(canonical);
    }

    /**
     * True when {@code fields} has no value for the field in any spelling, as intake reads it: missing, or nothing
     * left after {@link Text#clean}. An object or list counts as a value (intake rejects it with rule {@code type}).
     */
    static boolean isAbsent(Map<String, ?> fields, String canonical) {
        return SPELLINGS.get(canonical).stream().noneMatch(spelling -> isFilled(fields.get(spelling)));
    }

    /** True for a submitted value with something left after {@link Text#clean}, or an object or list. */
    static boolean isFilled(Object value) {
        return value != null && !(value instanceof String text && Text.clean(text) == null);
    }

    /** The cleaned single value of a field spelled exactly {@code name}; null when absent or not a single value. */
    public static String value(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? Text.clean(value.toString()) : null;
    }
}
