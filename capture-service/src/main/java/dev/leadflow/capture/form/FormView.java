package dev.leadflow.capture.form;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A form as the management API shows it and as its {@code definition} column stores it (there without
 * {@code version} and {@code updatedAt}). {@code minFillTime} is an ISO-8601 duration; {@code hiddenDefaults} are
 * sorted by field, so the same form always reads the same.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormView(
        String formId,
        String name,
        List<String> allowedOrigins,
        List<String> requiredFields,
        List<String> allowedRedirects,
        String honeypotField,
        String minFillTime,
        String consentTextVersion,
        Map<String, String> hiddenDefaults,
        Long version,
        Instant updatedAt) {

    static FormView of(RegisteredForm form) {
        return of(form.definition(), form.version(), form.updatedAt());
    }

    static FormView of(FormDefinition form, Long version, Instant updatedAt) {
        return new FormView(form.formId(), form.name(), form.allowedOrigins(), form.requiredFields(),
                form.allowedRedirects(), form.honeypotField(), form.minFillTime().toString(),
                form.consentTextVersion(), new TreeMap<>(form.hiddenDefaults()), version, updatedAt);
    }

    /** The stored definition; it was validated when it was stored. */
    FormDefinition definition() {
        return new FormDefinition(formId, name, orEmpty(allowedOrigins), orEmpty(requiredFields),
                orEmpty(allowedRedirects), honeypotField, minFillTime == null ? null : Duration.parse(minFillTime),
                consentTextVersion, hiddenDefaults == null ? Map.of() : hiddenDefaults);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
