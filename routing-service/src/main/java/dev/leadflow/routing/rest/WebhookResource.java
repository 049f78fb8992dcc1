package dev.leadflow.routing.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.routing.webhook.EndpointRequests;
import dev.leadflow.routing.webhook.EndpointUrls;
import dev.leadflow.routing.webhook.WebhookConfig;
import dev.leadflow.routing.webhook.WebhookDeliveries;
import dev.leadflow.routing.webhook.WebhookEndpoints;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/webhooks}: the CRM endpoints that receive {@code lead.routed} (and {@code lead.sla-breached}) as
 * signed CloudEvents over HTTP, and their delivery log. Viewers read; admins change. A secret is shown only when it
 * is created (on creation, or rotation by {@code PUT} with {@code rotateSecret: true}).
 */
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"leadflow-viewer", "leadflow-admin"})
public class WebhookResource {

    private static final String STATUS_PATTERN = "^(pending|delivered|failed|dead)$";
    private static final String ENDPOINT_EXAMPLE = """
            {"url": "https://crm.example.com/leadflow/webhooks", "eventTypes": ["lead.routed", "lead.sla-breached"],
             "active": true, "description": "Acme CRM"}""";
    private static final String ROTATE_EXAMPLE = """
            {"url": "https://crm.example.com/leadflow/webhooks", "eventTypes": ["lead.routed"], "active": true,
             "rotateSecret": true}""";

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final EndpointRequests requests;
    private final ObjectMapper objectMapper;

    WebhookResource(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookConfig config,
            ObjectMapper objectMapper) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.requests = new EndpointRequests(new EndpointUrls(config.internalHosts()));
        this.objectMapper = objectMapper;
    }

    @GET
    @Operation(summary = "Every webhook endpoint (without secrets)")
    public Endpoints list() {
        return new Endpoints(endpoints.list().stream().map(e -> EndpointView.of(e, null)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One webhook endpoint (without its secret)")
    @APIResponse(responseCode = "404", description = "No such endpoint",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public EndpointView get(@PathParam("id") @Pattern(regexp = LeadIds.UUID_PATTERN, message = LeadIds.UUID_MESSAGE)
            String id) {
        return endpoints.find(UUID.fromString(id)).map(e -> EndpointView.of(e, null))
                .orElseThrow(() -> notFound(id));
    }

    @POST
    @RolesAllowed("leadflow-admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a webhook endpoint",
            description = "Needs role leadflow-admin. Fields: url (https; plain http and non-public addresses only "
                    + "for leadflow.webhooks.internal-hosts), eventTypes (lead.routed, lead.sla-breached), active "
                    + "(default true), secret (optional, whsec_<base64 of 24-64 bytes>; generated when absent), "
                    + "description. The answer shows the secret this once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "endpoint", value = ENDPOINT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; the body holds the secret, shown only now")
    @APIResponse(responseCode = "400", description = "Malformed JSON, or fields that break a rule (each listed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(String body) {
        EndpointRequests.Result parsed = parse(body, false);
        if (parsed instanceof EndpointRequests.Invalid invalid) {
            return problem(invalid);
        }
        WebhookEndpoints.Saved saved = endpoints.create(((EndpointRequests.Valid) parsed).endpoint());
        return Response.created(URI.create("/api/v1/webhooks/" + saved.endpoint().id()))
                .entity(EndpointView.of(saved.endpoint(), saved.newSecret())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("leadflow-admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a webhook endpoint's settings; rotate its secret",
            description = "Needs role leadflow-admin. The same fields as on creation; the secret is kept unless a "
                    + "new one is given, or rotateSecret: true asks for a generated one (shown in the answer this "
                    + "once). Deliveries already recorded keep going to the new URL with the current secret.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "rotate", value = ROTATE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or fields that break a rule (each listed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such endpoint",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response replace(@PathParam("id") @Pattern(regexp = LeadIds.UUID_PATTERN, message = LeadIds.UUID_MESSAGE)
            String id, String body) {
        EndpointRequests.Result parsed = parse(body, true);
        if (parsed instanceof EndpointRequests.Invalid invalid) {
            return problem(invalid);
        }
        WebhookEndpoints.Saved saved = endpoints
                .replace(UUID.fromString(id), ((EndpointRequests.Valid) parsed).endpoint())
                .orElseThrow(() -> notFound(id));
        return Response.ok(EndpointView.of(saved.endpoint(), saved.newSecret())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("leadflow-admin")
    @Operation(summary = "Remove a webhook endpoint and its delivery log; nothing more is sent to it")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such endpoint",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(@PathParam("id") @Pattern(regexp = LeadIds.UUID_PATTERN, message = LeadIds.UUID_MESSAGE)
            String id) {
        if (!endpoints.delete(UUID.fromString(id))) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "An endpoint's delivery log, newest first: each delivery with its attempts (time, HTTP "
            + "status, latency, error)")
    @APIResponse(responseCode = "400", description = "Bad id, status or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such endpoint",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Deliveries deliveries(
            @PathParam("id") @Pattern(regexp = LeadIds.UUID_PATTERN, message = LeadIds.UUID_MESSAGE) String id,
            @QueryParam("status") @Pattern(regexp = STATUS_PATTERN,
                    message = "must be one of pending, delivered, failed, dead") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        UUID endpointId = UUID.fromString(id);
        if (endpoints.find(endpointId).isEmpty()) {
            throw notFound(id);
        }
        return new Deliveries(endpointId, deliveries.list(endpointId, Optional.ofNullable(status), limit));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @RolesAllowed("leadflow-admin")
    @Operation(summary = "Send a failed or dead delivery again, with a fresh budget of attempts",
            description = "Needs role leadflow-admin. The event keeps its id (webhook-id), so the receiver can "
                    + "deduplicate.")
    @APIResponse(responseCode = "202", description = "Due again now")
    @APIResponse(responseCode = "404", description = "No such endpoint or delivery",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The delivery is pending or delivered",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response redeliver(
            @PathParam("id") @Pattern(regexp = LeadIds.UUID_PATTERN, message = LeadIds.UUID_MESSAGE) String id,
            @PathParam("deliveryId") @Pattern(regexp = LeadIds.UUID_PATTERN, message = LeadIds.UUID_MESSAGE)
            String deliveryId) {
        return switch (deliveries.redeliver(UUID.fromString(id), UUID.fromString(deliveryId))) {
            case SCHEDULED -> Response.accepted(new Redelivered(UUID.fromString(deliveryId), WebhookDeliveries.PENDING))
                    .build();
            case NOT_FOUND -> throw new NotFoundException("No delivery " + deliveryId + " of webhook " + id);
            case NOT_FINISHED_BADLY -> Response.status(409).type(Problem.MEDIA_TYPE).entity(Problem.of("conflict",
                    "Conflict", 409, "Only a failed or dead delivery can be redelivered")).build();
        };
    }

    private EndpointRequests.Result parse(String body, boolean replace) {
        JsonNode json;
        try {
            json = objectMapper.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return new EndpointRequests.Invalid(List.of(new EndpointRequests.Error("", "json", "is not valid JSON")));
        }
        return requests.parse(json, replace);
    }

    private static Response problem(EndpointRequests.Invalid invalid) {
        Problem problem = Problem.invalid(invalid.errors().stream()
                .map(e -> new Problem.FieldError(e.field(), e.rule(), e.message())).toList());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No webhook endpoint " + id);
    }

    /** The endpoints. */
    public record Endpoints(List<EndpointView> webhooks) {
    }

    /** An endpoint; {@code secret} only in the answer that created it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EndpointView(UUID id, String url, List<String> eventTypes, boolean active, String description,
            Instant createdAt, Instant updatedAt, String secret) {

        static EndpointView of(WebhookEndpoints.StoredEndpoint e, String secret) {
            return new EndpointView(e.id(), e.url(), e.eventTypes(), e.active(), e.description(), e.createdAt(),
                    e.updatedAt(), secret);
        }
    }

    /** An endpoint's delivery log. */
    public record Deliveries(UUID webhookId, List<WebhookDeliveries.DeliveryView> deliveries) {
    }

    public record Redelivered(UUID deliveryId, String status) {
    }
}
