package dev.leadflow.scoring.rest;

import dev.leadflow.scoring.modelfile.InvalidScoringModelException;
import dev.leadflow.scoring.modelstore.ModelVersionConflictException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@code application/problem+json} (RFC 9457), without stack traces. */
class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_PREFIX = "https://leadflow.dev/problems/";
    /**
     * A scoring model problem as the reader words it: where (the model, a section, or a rule with its index and id),
     * the field path inside it, and what is wrong, e.g. {@code fit[0] 'senior-title': condition.pattern: invalid...}.
     */
    private static final java.util.regex.Pattern MODEL_PROBLEM = java.util.regex.Pattern.compile(
            "^(model|fit|engagement|(?:fit|engagement)\\[\\d+\\](?: '[^']*')?): (?:([A-Za-z][\\w.\\[\\]]*): )?(.*)$",
            java.util.regex.Pattern.DOTALL);

    @ServerExceptionMapper
    Response invalidInput(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation), rule(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(new Problem(TYPE_PREFIX + "invalid-request", "Invalid request", 400,
                "The request has " + errors.size() + " invalid field(s)", errors));
    }

    @ServerExceptionMapper
    Response invalidRequest(InvalidRequestException e) {
        return problem(new Problem(TYPE_PREFIX + "invalid-request", "Invalid request", 400,
                "The request has " + e.errors().size() + " invalid field(s)", e.errors()));
    }

    /** Each problem of the model names its rule ({@code fit[0] 'senior-title'}, or {@code model}) and field. */
    @ServerExceptionMapper
    Response invalidModel(InvalidScoringModelException e) {
        List<Problem.FieldError> errors = e.problems().stream().map(ProblemMappers::modelError).toList();
        return problem(new Problem(TYPE_PREFIX + "invalid-scoring-model", "Invalid scoring model", 400,
                "The scoring model has " + errors.size() + " problem(s); nothing was stored", errors));
    }

    @ServerExceptionMapper
    Response versionConflict(ModelVersionConflictException e) {
        return problem(new Problem(TYPE_PREFIX + "model-version-conflict", "Model version conflict", 412,
                e.getMessage(), null));
    }

    @ServerExceptionMapper
    Response unknownRescore(UnknownRescoreException e) {
        return problem(new Problem(TYPE_PREFIX + "unknown-rescore", "Unknown rescore job", 404, e.getMessage(), null));
    }

    @ServerExceptionMapper
    Response unknownLead(UnknownLeadException e) {
        return problem(new Problem(TYPE_PREFIX + "unknown-lead", "Unknown lead", 404, e.getMessage(), null));
    }

    /** No bearer token, or one that is expired, not signed by the configured key or from another issuer. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    Response unauthenticated() {
        return Response.fromResponse(problem(new Problem(TYPE_PREFIX + "unauthorized", "Unauthorized", 401,
                "A valid bearer token is required", null))).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return problem(new Problem(TYPE_PREFIX + "forbidden", "Forbidden", 403,
                "The bearer token does not grant a role this endpoint requires", null));
    }

    @ServerExceptionMapper
    Response httpError(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), null, null));
    }

    @ServerExceptionMapper
    Response unexpected(Exception e) {
        // The exception's message may quote input; the class name is enough to find the full trace elsewhere.
        LOG.errorf(e, "Unexpected failure handling a request (%s)", e.getClass().getName());
        return problem(new Problem("about:blank", "Internal Server Error", 500,
                "An unexpected error occurred; it has been logged", null));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Problem.FieldError modelError(String problem) {
        Matcher parts = MODEL_PROBLEM.matcher(problem);
        if (!parts.matches()) {
            // Not about a rule: the document itself (not valid YAML or JSON).
            return new Problem.FieldError("model", "document", problem);
        }
        String field = parts.group(2) == null ? parts.group(1) : parts.group(2);
        return new Problem.FieldError(field, parts.group(1), problem);
    }

    private static String field(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            field = node.getName();
        }
        return field;
    }

    /** The broken constraint's name as a rule id: {@code @Pattern} is "pattern", {@code @NotBlank} "notBlank". */
    private static String rule(ConstraintViolation<?> violation) {
        String name = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
