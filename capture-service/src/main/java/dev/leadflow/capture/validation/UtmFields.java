package dev.leadflow.capture.validation;

import dev.leadflow.events.Utm;
import java.util.Locale;

/** The five UTM parameters, in camelCase or in their URL spelling ({@code utm_source}), trimmed and lower-cased. */
public final class UtmFields {

    public static final int MAX_LENGTH = 200;

    private UtmFields() {
    }

    /** The UTM parameters of the object {@code in} reads; null when none is given. */
    public static Utm read(FieldReader in) {
        Utm utm = new Utm(
                value(in, "utmSource", "utm_source"),
                value(in, "utmMedium", "utm_medium"),
                value(in, "utmCampaign", "utm_campaign"),
                value(in, "utmTerm", "utm_term"),
                value(in, "utmContent", "utm_content"));
        boolean none = utm.source() == null && utm.medium() == null && utm.campaign() == null
                && utm.term() == null && utm.content() == null;
        return none ? null : utm;
    }

    private static String value(FieldReader in, String name, String urlSpelling) {
        return in.field(name, urlSpelling).maxLength(MAX_LENGTH).normalise(v -> v.toLowerCase(Locale.ROOT)).value();
    }
}
