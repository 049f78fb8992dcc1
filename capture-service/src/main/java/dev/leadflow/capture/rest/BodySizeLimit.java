package dev.leadflow.capture.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a 413 problem instead of the HTTP layer's empty
 * 413: one declared (by Content-Length) too large before any byte of it is read, a streamed one (chunked, no
 * Content-Length) as soon as it grows past the limit.
 */
@ApplicationScoped
class BodySizeLimit {

    private final long maxBodySize;
    private final String tooLarge;
    /** Reads a streamed body up to the limit; the REST layer then takes the body it read. */
    private final BodyHandler streamedBodies;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper objectMapper) throws JsonProcessingException {
        this.maxBodySize = maxBodySize.asLongValue();
        this.tooLarge = objectMapper.writeValueAsString(Problems.tooLarge(
                "The body exceeds the limit of " + this.maxBodySize + " bytes").problem());
        this.streamedBodies = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::limit);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerTooLargeStreamed);
    }

    private void limit(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            answerTooLarge(context);
        } else if (length == null && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            // A streamed body shows its size only while it is read; the REST layer's own reader would answer a
            // bare 413 past the limit, so it is read here (failing with 413) and handed on whole.
            streamedBodies.handle(context);
        } else {
            context.next();
        }
    }

    private void answerTooLargeStreamed(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            answerTooLarge(context);
        } else {
            context.next();
        }
    }

    private boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer rejects a malformed Content-Length itself
        }
    }

    private void answerTooLarge(RoutingContext context) {
        // The unread body would otherwise be parsed as the next request on this connection.
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(tooLarge);
    }
}
