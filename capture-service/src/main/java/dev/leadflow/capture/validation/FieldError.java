package dev.leadflow.capture.validation;

/**
 * One failed rule on one input field. {@code field} names the field as the client sent it (e.g. {@code utm_source},
 * {@code [3].type}); {@code message} never repeats the submitted value, which may be personal data.
 */
public record FieldError(String field, String rule, String message) {
}
