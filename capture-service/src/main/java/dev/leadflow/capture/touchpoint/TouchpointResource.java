package dev.leadflow.capture.touchpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.capture.CaptureConfig;
import dev.leadflow.capture.idempotency.Answer;
import dev.leadflow.capture.idempotency.IdempotencyKeys;
import dev.leadflow.capture.idempotency.IdempotentRequests;
import dev.leadflow.capture.rest.Problems;
import dev.leadflow.capture.rest.RequestBodies;
import dev.leadflow.capture.validation.Validated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/touchpoints}: marketing interactions, one JSON object or a JSON array of them. */
@Path("/api/v1/touchpoints")
@Tag(name = "Touchpoints")
public class TouchpointResource {

    private static final String SCOPE = "touchpoints";

    private final TouchpointParser parser;
    private final TouchpointRecorder recorder;
    private final RequestBodies bodies;
    private final IdempotentRequests idempotent;
    private final ObjectMapper objectMapper;
    private final int maxBatchSize;

    TouchpointResource(TouchpointParser parser, TouchpointRecorder recorder, RequestBodies bodies,
            IdempotentRequests idempotent, ObjectMapper objectMapper, CaptureConfig config) {
        this.parser = parser;
        this.recorder = recorder;
        this.bodies = bodies;
        this.idempotent = idempotent;
        this.objectMapper = objectMapper;
        this.maxBatchSize = config.touchpoints().maxBatchSize();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record one touchpoint or a batch",
            description = "Fields: type (required, [a-z_]{1,64}, e.g. page_view), leadId (UUID) or anonymousId "
                    + "(one required), url, campaign, utm fields, occurredAt (ISO-8601, default now). A batch is "
                    + "accepted whole or rejected whole, with errors named like [3].type.")
    @APIResponse(responseCode = "202", description = "Stored durably; touchpoint.recorded will be published")
    @APIResponse(responseCode = "400", description = "Invalid touchpoints (problem+json listing each field)")
    @APIResponse(responseCode = "413", description = "Body or batch too large")
    public Response record(String body, @Parameter(description = "Optional; a retry with the same key and body "
            + "within 24 h answers as the first request and records nothing new")
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotent.run(SCOPE, key, IdempotencyKeys.fingerprint(MediaType.APPLICATION_JSON, body),
                () -> accept(bodies.jsonObjectOrArray(body)));
    }

    @SuppressWarnings("unchecked")
    private Answer accept(Object decoded) {
        Validated<List<TouchpointSubmission>> validated;
        if (decoded instanceof List<?> batch) {
            if (batch.size() > maxBatchSize) {
                throw Problems.tooLarge("A batch holds at most " + maxBatchSize + " touchpoints; this one holds "
                        + batch.size());
            }
            validated = parser.parseBatch(batch);
        } else {
            validated = parser.parseOne((Map<String, ?>) decoded);
        }
        List<UUID> ids = recorder.record(validated.valueOrThrow(Problems::invalid));
        return Answer.accepted(objectMapper.valueToTree(new TouchpointsAccepted(ids.size(), ids)));
    }

    /** The answer to accepted touchpoints: their ids in the order sent. */
    public record TouchpointsAccepted(int accepted, List<UUID> touchpointIds) {
    }
}
