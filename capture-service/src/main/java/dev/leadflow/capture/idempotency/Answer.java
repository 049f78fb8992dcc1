package dev.leadflow.capture.idempotency;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * A successful answer as it is remembered for an {@code Idempotency-Key}: status, optional {@code Location} and
 * JSON body. Only successes are remembered; a rejected request may be corrected and retried with the same key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Answer(int status, String location, JsonNode body) {

    public static Answer seeOther(String location) {
        return new Answer(Response.Status.SEE_OTHER.getStatusCode(), location, null);
    }

    public static Answer accepted(JsonNode body) {
        return new Answer(Response.Status.ACCEPTED.getStatusCode(), null, body);
    }

    Response.ResponseBuilder toResponse() {
        Response.ResponseBuilder response = Response.status(status);
        if (location != null) {
            response.location(URI.create(location));
        }
        if (body != null) {
            response.entity(body).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return response;
    }
}
