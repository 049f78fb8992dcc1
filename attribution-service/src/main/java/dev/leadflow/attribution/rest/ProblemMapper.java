package dev.leadflow.attribution.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into RFC 9457 problem+json: no stack trace and no 5xx for bad input. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String TYPE_BASE = "https://leadflow.dev/problems/";
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    @ServerExceptionMapper
    public Response leadNotFound(LeadNotFoundException e, UriInfo uri) {
        return new Problem(URI.create(TYPE_BASE + "lead-not-found"), "Lead not found", 404, e.getMessage(),
                instance(uri), null).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath()), rule(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::rule))
                .toList();
        return new Problem(URI.create(TYPE_BASE + "invalid-request"), "Invalid request", 400,
                "The request has " + errors.size() + " invalid field(s)", instance(uri), errors).toResponse();
    }

    /** No bearer token, or one that is expired, not signed by the configured key or from another issuer. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(new Problem(URI.create(TYPE_BASE + "unauthorized"), "Unauthorized", 401,
                "A valid bearer token is required", instance(uri), null).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return new Problem(URI.create(TYPE_BASE + "forbidden"), "Forbidden", 403,
                "The bearer token does not grant a role this endpoint requires", instance(uri), null).toResponse();
    }

    /** Framework answers (unknown path, wrong method, unacceptable media type) keep their status. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return new Problem(ABOUT_BLANK, status.getReasonPhrase(), status.getStatusCode(), null, instance(uri), null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("Unexpected failure serving a request", e);
        return new Problem(ABOUT_BLANK, "Internal Server Error", 500, "The request could not be processed",
                instance(uri), null).toResponse();
    }

    private static URI instance(UriInfo uri) {
        return URI.create(uri.getPath());
    }

    /** The request field: the last node of the path ({@code journey.leadId} -> {@code leadId}). */
    private static String field(Path path) {
        String field = null;
        for (Path.Node node : path) {
            field = node.getName();
        }
        return field;
    }

    /** The broken constraint, e.g. {@code Pattern}. */
    private static String rule(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }
}
