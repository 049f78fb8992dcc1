package dev.leadflow.reporting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem detail, served as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://leadflow.dev/problems/";

    /** One invalid input: where, which rule it broke, and a readable message. */
    public record FieldError(String field, String rule, String message) {
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null);
    }

    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? "1 parameter is invalid" : errors.size() + " parameters are invalid";
        return new Problem(TYPE_BASE + "validation", "Invalid request", 400, detail, List.copyOf(errors));
    }
}
