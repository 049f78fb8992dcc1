package dev.leadflow.capture.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;

/**
 * Answers a {@code Content-Type} that is no media type at all ({@code garbage}) with a 415 problem. The REST layer
 * would fail on it while choosing the endpoint, before any exception mapper can tell it from a bug: a 500.
 */
@ApplicationScoped
class ContentTypeSyntax {

    private static final Problem UNSUPPORTED = Problems.forStatus(415, "The Content-Type is no media type; send "
            + "application/json (or application/x-www-form-urlencoded where documented)");

    private final ObjectMapper objectMapper;

    ContentTypeSyntax(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::rejectMalformed);
    }

    private void rejectMalformed(RoutingContext context) {
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || isMediaType(contentType)) {
            context.next();
            return;
        }
        try {
            context.response().setStatusCode(415)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(objectMapper.writeValueAsString(UNSUPPORTED.withInstance(context.normalizedPath())));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private static boolean isMediaType(String value) {
        try {
            MediaType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
