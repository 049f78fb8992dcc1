package dev.leadflow.scoring.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A lead field a fit rule can test, by the name the model file uses. Personal fields never appear in a reason's
 * evidence: an email shows only its domain; names and phone numbers are redacted.
 */
public enum LeadField {
    EMAIL("email", f -> f.profile().email()),
    FIRST_NAME("firstName", f -> f.profile().firstName()),
    LAST_NAME("lastName", f -> f.profile().lastName()),
    COMPANY("company", f -> f.profile().company()),
    JOB_TITLE("jobTitle", f -> f.profile().jobTitle()),
    PHONE("phone", f -> f.profile().phone()),
    COUNTRY("country", f -> f.profile().country()),
    COMPANY_SIZE("companySize", f -> f.profile().companySize()),
    INDUSTRY("industry", f -> f.profile().industry()),
    FORM_ID("formId", LeadFacts::formId),
    PAGE_URL("pageUrl", LeadFacts::pageUrl),
    REFERRER("referrer", LeadFacts::referrer),
    UTM_SOURCE("utmSource", f -> f.utm().source()),
    UTM_MEDIUM("utmMedium", f -> f.utm().medium()),
    UTM_CAMPAIGN("utmCampaign", f -> f.utm().campaign()),
    UTM_TERM("utmTerm", f -> f.utm().term()),
    UTM_CONTENT("utmContent", f -> f.utm().content());

    private static final int MAX_EVIDENCE_LENGTH = 120;

    private final String key;
    private final Function<LeadFacts, String> accessor;

    LeadField(String key, Function<LeadFacts, String> accessor) {
        this.key = key;
        this.accessor = accessor;
    }

    /** The field's name in the model file and in reasons. */
    public String key() {
        return key;
    }

    /** The field's trimmed value, or null when the lead has none (null or blank). */
    public String valueOf(LeadFacts lead) {
        String value = accessor.apply(lead);
        return LeadFacts.isBlank(value) ? null : value.trim();
    }

    /** How a value of this field is shown in a reason: {@code key=shown value}, never personal data. */
    public String evidence(String value) {
        return key + "=" + shown(value);
    }

    /** The value as a reason may show it: an email as its domain, names and phones redacted, long values cut. */
    public String shown(String value) {
        return switch (this) {
            case EMAIL -> value.contains("@")
                    ? "@" + value.substring(value.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT)
                    : "(redacted)";
            case FIRST_NAME, LAST_NAME, PHONE -> "(redacted)";
            default -> value.length() > MAX_EVIDENCE_LENGTH ? value.substring(0, MAX_EVIDENCE_LENGTH) + "…" : value;
        };
    }

    public static Optional<LeadField> byKey(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst();
    }

    /** The names the model file may use, for error messages. */
    public static String keys() {
        return Arrays.stream(values()).map(LeadField::key).collect(Collectors.joining(", "));
    }
}
