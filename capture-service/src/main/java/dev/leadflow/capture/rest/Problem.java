package dev.leadflow.capture.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leadflow.capture.validation.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}. {@code errors} lists every broken rule of
 * an invalid request; no member ever carries submitted values or stack traces.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
