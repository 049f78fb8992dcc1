package dev.leadflow.scoring.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem detail, the body of every error response. {@code errors} lists invalid fields, if any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: which field, which rule it broke, and a readable message. */
    public record FieldError(String field, String rule, String message) {
    }
}
