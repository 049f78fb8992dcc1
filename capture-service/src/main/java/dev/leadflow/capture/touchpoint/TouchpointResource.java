package dev.leadflow.capture.touchpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.capture.CaptureConfig;
import dev.leadflow.capture.abuse.RateLimits;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/touchpoints}: marketing interactions, one JSON object or a JSON array of them. */
@Path("/api/v1/touchpoints")
@Tag(name = "Touchpoints")
public class TouchpointResource {

    private static final String SCOPE = "touchpoints";
    private static final String BATCH_EXAMPLE = """
            [{"type": "email_click", "leadId": "6f1c1f56-4a8e-4d7b-9d55-0b4a9d7e2c11", "channel": "email",
              "campaign": "nov-newsletter", "occurredAt": "2026-11-23T10:15:30Z"},
             {"type": "page_view", "anonymousId": "anon-123", "url": "https://www.example.com/pricing",
              "channel": "organic"}]""";
    private static final String BEACON_EXAMPLE = """
            {"type": "page_view", "anonymousId": "3b241101-e2bb-4255-8caf-4136c566a962",
             "url": "https://www.example.com/pricing", "utm_source": "newsletter"}""";
    private static final String ACCEPTED_EXAMPLE = """
            {"accepted": 2, "touchpointIds": ["0b8f0c36-3f3c-4a59-8a43-2f1ad1f4b0a1",
             "9d2c4f0e-55a1-4d8e-a0f5-6c1e2b7d9f33"]}""";
    private static final String INVALID_EXAMPLE = """
            {"type": "urn:leadflow:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "1 field broke a rule; nothing was accepted", "instance": "/api/v1/touchpoints",
             "errors": [{"field": "[1].type", "rule": "touchpointType", "message": "must be one of ad_click, chat, \
            content_download, email_click, email_open, event_attended, form_submit, meeting_booked, page_view, \
            pricing_page_view, webinar, webinar_attended, webinar_registered"}]}""";

    private final TouchpointParser parser;
    private final TouchpointRecorder recorder;
    private final RequestBodies bodies;
    private final IdempotentRequests idempotent;
    private final ObjectMapper objectMapper;
    private final RateLimits rateLimits;
    private final int maxBatchSize;

    TouchpointResource(TouchpointParser parser, TouchpointRecorder recorder, RequestBodies bodies,
            IdempotentRequests idempotent, ObjectMapper objectMapper, RateLimits rateLimits, CaptureConfig config) {
        this.parser = parser;
        this.recorder = recorder;
        this.bodies = bodies;
        this.idempotent = idempotent;
        this.objectMapper = objectMapper;
        this.rateLimits = rateLimits;
        this.maxBatchSize = config.touchpoints().maxBatchSize();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record one touchpoint or a batch",
            description = "Fields: type (required; one of page_view, pricing_page_view, form_submit, email_open, "
                    + "email_click, ad_click, webinar_registered, webinar_attended, webinar, content_download, "
                    + "event_attended, chat, meeting_booked), leadId (UUID) or anonymousId (one required), channel "
                    + "(optional, [a-z_]{1,32}, e.g. email, paid_search, social, organic, direct, referral), url, "
                    + "campaign, utm fields, occurredAt (ISO-8601, default now, at most 5 minutes in the future). "
                    + "A batch holds at most 500 and is accepted whole or rejected whole, with errors named like "
                    + "[3].type.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "batch", value = BATCH_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Stored durably; touchpoint.recorded will be published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "accepted", value = ACCEPTED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid touchpoints (problem+json listing each field)",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "Body or batch too large")
    @APIResponse(responseCode = "429", description = "The client address used up its touchpoint budget; "
            + "Retry-After gives the seconds until it frees")
    public Response record(String body, @Parameter(description = "Optional; a retry with the same key and body "
            + "within 24 h answers as the first request and records nothing new")
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotent.run(SCOPE, key, IdempotencyKeys.fingerprint(MediaType.APPLICATION_JSON, body),
                () -> accept(bodies.jsonObjectOrArray(body)));
    }

    /**
     * The same JSON sent as {@code text/plain}, as the tracker's {@code navigator.sendBeacon} does: a browser posts
     * text/plain to another origin without a CORS preflight, which a beacon never makes. Read, validated, limited
     * and fingerprinted exactly as the JSON variant, so a retry under one key may use either.
     */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record one touchpoint or a batch sent as text/plain (a browser beacon)",
            description = "The body is the JSON object or array of the application/json variant, with the same "
                    + "fields, rules and limits; text/plain only lets a browser send it cross-origin without a CORS "
                    + "preflight (navigator.sendBeacon).")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN,
            examples = @ExampleObject(name = "beacon", value = BEACON_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Stored durably; touchpoint.recorded will be published")
    @APIResponse(responseCode = "400", description = "Invalid touchpoints or a body that is not JSON")
    @APIResponse(responseCode = "413", description = "Body or batch too large")
    public Response recordBeacon(String body, @Parameter(description = "As for application/json")
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        return record(body, key);
    }

    @SuppressWarnings("unchecked")
    private Answer accept(Object decoded) {
        Validated<List<TouchpointSubmission>> validated;
        if (decoded instanceof List<?> batch) {
            if (batch.size() > maxBatchSize) {
                throw Problems.tooLarge("A batch holds at most " + maxBatchSize + " touchpoints; this one holds "
                        + batch.size());
            }
            rateLimits.admitTouchpoints(batch.size());
            validated = parser.parseBatch(batch);
        } else {
            rateLimits.admitTouchpoints(1);
            validated = parser.parseOne((Map<String, ?>) decoded);
        }
        List<UUID> ids = recorder.record(validated.valueOrThrow(Problems::invalid));
        return Answer.accepted(objectMapper.valueToTree(new TouchpointsAccepted(ids.size(), ids)));
    }

    /** The answer to accepted touchpoints: their ids in the order sent. */
    public record TouchpointsAccepted(int accepted, List<UUID> touchpointIds) {
    }
}
