package dev.leadflow.capture.rest;

import dev.leadflow.messaging.inbox.TransientFailures;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an RFC 9457 problem answer: no stack traces and no submitted values leave the service. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = answer(e.problem(), uri);
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(UriInfo uri) {
        return answer(Problems.unauthorized(), uri).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(Problems.forbidden(), uri).build();
    }

    /** Failures detected by the HTTP layer itself: 404, 405, 406, 415 and the like. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        Response.ResponseBuilder response = answer(Problems.forStatus(original.getStatus(), detail(original)), uri);
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpServerRequest request) {
        if (request.response().headWritten()) {
            // The HTTP layer answered already (e.g. 413 to an HTTP/2 stream over the limit); nothing is left to say.
            LOG.debugf("Request ended after its answer was sent: %s", e.getClass().getName());
            return null;
        }
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("Request failed for a transient reason and was not accepted: %s", e.getClass().getName());
            return answer(Problems.unavailable(), uri).header("Retry-After", "5").build();
        }
        // Exception messages may quote submitted values, so only the class and stack frames are logged.
        LOG.error("Request failed unexpectedly and was not accepted: " + e.getClass().getName(), withoutMessages(e));
        return answer(Problems.internal(), uri).build();
    }

    private static String detail(Response original) {
        return switch (original.getStatus()) {
            case 404 -> "No resource at this path";
            case 405 -> "This path does not support this method";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "Send application/json (or application/x-www-form-urlencoded where documented)";
            default -> null;
        };
    }

    private static Response.ResponseBuilder answer(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getPath()));
    }

    /** A copy of the cause chain's classes and stack frames, with the messages left out. */
    private static Throwable withoutMessages(Throwable e) {
        Throwable cause = e.getCause() != null && e.getCause() != e ? withoutMessages(e.getCause()) : null;
        Throwable copy = new Throwable(e.getClass().getName(), cause);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
