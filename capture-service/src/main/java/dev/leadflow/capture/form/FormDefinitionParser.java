package dev.leadflow.capture.form;

import dev.leadflow.capture.validation.FieldError;
import dev.leadflow.capture.validation.FieldReader;
import dev.leadflow.capture.validation.Text;
import dev.leadflow.capture.validation.Validated;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validates and normalises a form definition as an administrator sends it ({@code PUT /api/v1/forms/{formId}}) or
 * the seed file holds it, reporting every broken rule at once.
 */
public final class FormDefinitionParser {

    public static final Pattern FORM_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_ENTRIES = 100;
    public static final int MAX_DEFAULT_LENGTH = 2048;
    public static final int MAX_CONSENT_TEXT_VERSION_LENGTH = 64;
    public static final Duration MAX_MIN_FILL_TIME = Duration.ofMinutes(10);

    private static final Set<String> SETTINGS = Set.of("formId", "name", "allowedOrigins", "requiredFields",
            "allowedRedirects", "honeypotField", "minFillTime", "consentTextVersion", "hiddenDefaults",
            // Read-only, so that what GET returned may be sent back as it is.
            "version", "updatedAt");

    private final Function<Map<String, String>, List<FieldError>> fieldRules;

    /**
     * @param fieldRules intake's rules for field values: the errors a submission with these fields (by canonical
     *                   name) would get, naming the fields; hidden defaults must pass them
     */
    public FormDefinitionParser(Function<Map<String, String>, List<FieldError>> fieldRules) {
        this.fieldRules = fieldRules;
    }

    /**
     * @param formId the form's id as addressed (the path); a {@code formId} in the body must equal it
     * @param body   the decoded JSON object
     */
    public Validated<FormDefinition> parse(String formId, Map<String, ?> body) {
        FieldReader in = new FieldReader(body);
        body.keySet().stream().filter(member -> !SETTINGS.contains(member)).sorted()
                .forEach(member -> in.reject(member, "unknownField", "is not a form setting"));
        if (!FORM_ID.matcher(formId).matches()) {
            in.reject("formId", "pattern", "must be 1 to 64 letters, digits, '_' or '-'");
        }
        in.field("formId").check(formId::equals, "matchesPath", "must equal the formId in the path");
        String name = in.field("name").required().maxLength(MAX_NAME_LENGTH).value();
        List<String> origins = list(in, body, "allowedOrigins", AllowedOrigins::normalise,
                "origin", "must be an origin: http(s)://host with an optional port and nothing else, e.g. "
                        + "https://www.example.com or https://*.example.com");
        List<String> required = list(in, body, "requiredFields", FormDefinitionParser::requirable,
                "knownField", "must be a field intake reads, other than email and formId");
        List<String> redirects = list(in, body, "allowedRedirects", AllowedRedirects::normalise,
                "redirectTarget", "must be a host (www.example.com, *.example.com) or an http(s) URL prefix "
                        + "without query (https://www.example.com/thanks)");
        String honeypot = in.field("honeypotField")
                .matches(FORM_ID, "must be 1 to 64 letters, digits, '_' or '-'")
                .check(field -> FormFields.canonical(field).isEmpty() && !field.equals(FormFields.FILL_TIME),
                        "reservedName", "must not be the name of a field intake reads")
                .value();
        Duration minFillTime = in.field("minFillTime")
                .parse(FormDefinitionParser::duration, "duration", "must be an ISO-8601 duration, e.g. PT3S");
        if (minFillTime != null && (minFillTime.isNegative() || minFillTime.compareTo(MAX_MIN_FILL_TIME) > 0)) {
            in.reject("minFillTime", "range", "must be between PT0S and " + MAX_MIN_FILL_TIME);
            minFillTime = null;
        }
        String consentTextVersion = in.field("consentTextVersion").maxLength(MAX_CONSENT_TEXT_VERSION_LENGTH)
                .value();
        Map<String, String> defaults = hiddenDefaults(in, body.get("hiddenDefaults"), redirects);
        return Validated.of(new FormDefinition(formId, name, origins, required, redirects, honeypot, minFillTime,
                consentTextVersion, defaults), in.errors());
    }

    /** The distinct normalised entries of a list setting; an entry {@code normalise} refuses breaks {@code rule}. */
    private static List<String> list(FieldReader in, Map<String, ?> body, String setting,
            Function<String, Optional<String>> normalise, String rule, String message) {
        Object value = body.get(setting);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> entries)) {
            in.reject(setting, "type", "must be a list of strings");
            return List.of();
        }
        if (entries.size() > MAX_ENTRIES) {
            in.reject(setting, "maxItems", "must have at most " + MAX_ENTRIES + " entries");
            return List.of();
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String field = setting + "[" + i + "]";
            if (!(entries.get(i) instanceof String entry)) {
                in.reject(field, "type", "must be a string");
                continue;
            }
            String text = Text.clean(entry);
            Optional<String> accepted = text == null ? Optional.empty() : normalise.apply(text);
            if (accepted.isPresent()) {
                normalised.add(accepted.get());
            } else {
                in.reject(field, rule, message);
            }
        }
        return List.copyOf(normalised);
    }

    private Map<String, String> hiddenDefaults(FieldReader in, Object value, List<String> allowedRedirects) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> entries)) {
            in.reject("hiddenDefaults", "type", "must be an object of field names and values");
            return Map.of();
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, String> spelledAs = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            String field = "hiddenDefaults." + entry.getKey();
            Optional<String> canonical = FormFields.canonical(entry.getKey().toString())
                    .filter(FormFields::mayHaveDefault);
            Object raw = entry.getValue();
            boolean single = raw instanceof String || raw instanceof Number || raw instanceof Boolean;
            String text = single ? Text.clean(raw.toString()) : null;
            if (canonical.isEmpty()) {
                in.reject(field, "knownField", "must be a field intake reads that may have a default (not email, "
                        + "formId, consentMarketing, consentTextVersion or anonymousId)");
            } else if (!single) {
                in.reject(field, "type", "must be a single value, not an object, a list or null");
            } else if (text == null) {
                in.reject(field, "notEmpty", "must not be empty");
            } else if (Text.length(text) > MAX_DEFAULT_LENGTH) {
                in.reject(field, "maxLength", "must be at most " + MAX_DEFAULT_LENGTH + " characters");
            } else {
                // By canonical name: "utm_source" and "utmSource" are one default (the later one wins).
                defaults.put(canonical.get(), text);
                spelledAs.put(canonical.get(), field);
            }
        }
        // A default must pass the rules a submitted value does, or every submission relying on it would be refused.
        for (FieldError error : fieldRules.apply(Map.copyOf(defaults))) {
            in.reject(spelledAs.getOrDefault(error.field(), "hiddenDefaults." + error.field()), error.rule(),
                    error.message());
            defaults.remove(error.field());
        }
        String redirect = defaults.get("redirectUrl");
        if (redirect != null && !AllowedRedirects.allows(allowedRedirects, redirect)) {
            in.reject(spelledAs.get("redirectUrl"), "allowedRedirect", "must lie within allowedRedirects");
            defaults.remove("redirectUrl");
        }
        return defaults;
    }

    private static Optional<String> requirable(String name) {
        return FormFields.canonical(name).filter(FormFields::mayBeRequired);
    }

    private static Optional<Duration> duration(String text) {
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
