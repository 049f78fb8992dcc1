package dev.leadflow.capture.form;

import dev.leadflow.capture.validation.FieldError;
import dev.leadflow.capture.validation.HttpUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One registered form and the rules intake applies to its submissions. All entries are normalised (see
 * {@link FormDefinitionParser}); empty lists and a zero {@code minFillTime} mean "no such rule", a null
 * {@code honeypotField} or {@code consentTextVersion} likewise.
 *
 * @param allowedOrigins   origins whose pages may post the form; empty allows every origin (and no Origin at all)
 * @param requiredFields   canonical names of fields required beyond email and formId
 * @param allowedRedirects hosts or URL prefixes a {@code redirectUrl} must lie within; empty allows no redirect
 * @param honeypotField    a field humans never fill (hidden by the page); a submission filling it is dropped
 * @param minFillTime      a submission whose tracker-measured fill time is shorter is dropped
 * @param hiddenDefaults   values (by canonical field name) for fields a submission leaves absent
 */
public record FormDefinition(
        String formId,
        String name,
        List<String> allowedOrigins,
        List<String> requiredFields,
        List<String> allowedRedirects,
        String honeypotField,
        Duration minFillTime,
        String consentTextVersion,
        Map<String, String> hiddenDefaults) {

    public FormDefinition {
        allowedOrigins = List.copyOf(allowedOrigins);
        requiredFields = List.copyOf(requiredFields);
        allowedRedirects = List.copyOf(allowedRedirects);
        minFillTime = minFillTime == null ? Duration.ZERO : minFillTime;
        hiddenDefaults = Map.copyOf(hiddenDefaults);
    }

    /** Why a submission that passed validation is dropped while answered like a success. */
    public enum BotSignal {
        HONEYPOT, TOO_FAST
    }

    /** True when a request with this {@code Origin} header (null when the client sent none) may post the form. */
    public boolean allowsOrigin(String origin) {
        return origin == null || allowedOrigins.isEmpty() || AllowedOrigins.allows(allowedOrigins, origin);
    }

    public boolean allowsRedirect(String url) {
        return AllowedRedirects.allows(allowedRedirects, url);
    }

    /**
     * The submitted fields with the form's defaults for those it leaves absent: the hidden defaults, and the form's
     * consent text version (recorded only with a consent decision).
     */
    public Map<String, Object> withDefaults(Map<String, ?> fields) {
        Map<String, Object> completed = new LinkedHashMap<>(fields);
        hiddenDefaults.forEach((field, value) -> {
            if (FormFields.isAbsent(fields, field)) {
                completed.put(field, value);
            }
        });
        if (consentTextVersion != null && FormFields.isAbsent(fields, "consentTextVersion")) {
            completed.put("consentTextVersion", consentTextVersion);
        }
        return completed;
    }

    /** The form's own rules broken by {@code fields}: missing required fields, a redirect outside the list. */
    public List<FieldError> check(Map<String, ?> fields) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : requiredFields) {
            if (FormFields.isAbsent(fields, field)) {
                errors.add(new FieldError(field, "required", "is required by this form"));
            }
        }
        String redirectUrl = FormFields.value(fields, "redirectUrl");
        // An invalid URL breaks rule "url" in intake's own validation already.
        if (redirectUrl != null && HttpUrl.isAbsoluteHttp(redirectUrl) && !allowsRedirect(redirectUrl)) {
            errors.add(new FieldError("redirectUrl", "allowedRedirect", "must point to a page this form may "
                    + "redirect to"));
        }
        return errors;
    }

    /**
     * Whether a valid submission looks like a bot's: the honeypot field filled, or a fill time (the tracker's
     * {@value FormFields#FILL_TIME}, in milliseconds) below the minimum. Without a fill time (a form without the
     * tracker) a submission is not judged on time.
     */
    public Optional<BotSignal> botSignal(Map<String, ?> fields) {
        if (honeypotField != null && FormFields.isFilled(fields.get(honeypotField))) {
            return Optional.of(BotSignal.HONEYPOT);
        }
        if (minFillTime.compareTo(Duration.ZERO) > 0) {
            String fillTime = FormFields.value(fields, FormFields.FILL_TIME);
            if (fillTime != null && fillTime.matches("[0-9]{1,12}")
                    && Long.parseLong(fillTime) < minFillTime.toMillis()) {
                return Optional.of(BotSignal.TOO_FAST);
            }
        }
        return Optional.empty();
    }
}
