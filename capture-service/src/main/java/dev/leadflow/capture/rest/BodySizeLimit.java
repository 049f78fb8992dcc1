package dev.leadflow.capture.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body declared (by Content-Length) to be over {@code quarkus.http.limits.max-body-size} with a 413
 * problem instead of the HTTP layer's empty 413, before any byte of it is read.
 */
@ApplicationScoped
class BodySizeLimit {

    private final long maxBodySize;
    private final String tooLarge;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper objectMapper) throws JsonProcessingException {
        this.maxBodySize = maxBodySize.asLongValue();
        this.tooLarge = objectMapper.writeValueAsString(Problems.tooLarge(
                "The body exceeds the limit of " + this.maxBodySize + " bytes").problem());
    }

    void install(@Observes Router router) {
        // A streamed body (no Content-Length) shows its size only while it is read: past the limit the HTTP layer
        // answers a bare 413 itself.
        router.route().order(Integer.MIN_VALUE).handler(this::rejectDeclaredOversize);
    }

    private void rejectDeclaredOversize(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
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
