package dev.leadflow.capture.rest;

import dev.leadflow.capture.validation.FieldError;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The problems capture-service answers with; each has a stable {@code type} clients can branch on. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:leadflow:problem:";

    private Problems() {
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field broke a rule" : errors.size() + " fields broke a rule";
        return new ProblemException(new Problem(TYPE_PREFIX + "validation", "Invalid request", 400,
                detail + "; nothing was accepted", null, List.copyOf(errors)), Map.of());
    }

    public static ProblemException malformedBody(String detail) {
        return problem("malformed-body", "Malformed request body", 400, detail);
    }

    public static ProblemException tooLarge(String detail) {
        return problem("payload-too-large", "Request body too large", 413, detail);
    }

    public static ProblemException idempotencyKeyReused() {
        return problem("idempotency-key-reused", "Idempotency-Key reused", 422,
                "This Idempotency-Key was used with a different request; use a new key for a new request");
    }

    public static ProblemException idempotencyKeyInProgress() {
        return new ProblemException(new Problem(TYPE_PREFIX + "idempotency-key-in-progress",
                "Request in progress", 409, "A request with this Idempotency-Key is still running; retry shortly",
                null, null), Map.of("Retry-After", "1"));
    }

    /** A browser posted a form from a page of an origin the form does not list. */
    public static ProblemException originNotAllowed() {
        return new ProblemException(new Problem(TYPE_PREFIX + "origin-not-allowed", "Origin not allowed", 403,
                "This form does not accept submissions from pages of this origin; nothing was accepted", null,
                List.of(new FieldError("Origin", "allowedOrigin", "must be an origin this form allows"))), Map.of());
    }

    public static ProblemException unknownForm() {
        return problem("unknown-form", "Unknown form", 404, "No form is registered under this formId");
    }

    /** 429: a rate limit is used up; {@code Retry-After} tells when the budget frees. */
    public static ProblemException rateLimited(String detail, long retryAfterSeconds) {
        return new ProblemException(new Problem(TYPE_PREFIX + "rate-limited", "Too many requests", 429, detail,
                null, null), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** A problem for an HTTP-level failure (unknown path, wrong method, media type), as RFC 9457's about:blank. */
    public static Problem forStatus(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return new Problem("about:blank", title, status, detail, null, null);
    }

    /** No bearer token, or one that is expired, not signed by the configured key or from another issuer. */
    static Problem unauthorized() {
        return new Problem(TYPE_PREFIX + "unauthorized", "Unauthorized", 401, "A valid bearer token is required",
                null, null);
    }

    static Problem forbidden() {
        return new Problem(TYPE_PREFIX + "forbidden", "Forbidden", 403,
                "The bearer token does not grant a role this endpoint requires", null, null);
    }

    static Problem unavailable() {
        return new Problem(TYPE_PREFIX + "unavailable", "Service temporarily unavailable", 503,
                "The request could not be stored and was not accepted; retry later", null, null);
    }

    static Problem internal() {
        return new Problem(TYPE_PREFIX + "internal", "Internal error", 500,
                "The request failed unexpectedly and was not accepted", null, null);
    }

    private static ProblemException problem(String type, String title, int status, String detail) {
        return new ProblemException(new Problem(TYPE_PREFIX + type, title, status, detail, null, null), Map.of());
    }
}
