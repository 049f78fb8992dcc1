package dev.leadflow.routing.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.routing.crm.CrmActivities;
import dev.leadflow.routing.crm.CrmActivityParser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/crm/activities}: sales outcomes reported by a CRM that cannot write to Kafka. */
@Path("/api/v1/crm/activities")
@Tag(name = "CRM")
@RolesAllowed("leadflow-admin")
public class CrmActivityResource {

    private static final String CONTACTED_EXAMPLE = """
            {"type": "lead.contacted", "activityId": "0b6f9a4e-8c1d-4f7a-9e2b-3c5d7e9f1a2b",
             "leadId": "6f1c1f56-4a8e-4d7b-9d55-0b4a9d7e2c11", "repId": "alice", "channel": "phone",
             "occurredAt": "2026-11-24T09:30:00Z"}""";
    private static final String WON_EXAMPLE = """
            {"type": "opportunity.won", "leadId": "6f1c1f56-4a8e-4d7b-9d55-0b4a9d7e2c11",
             "opportunityId": "006Dn00000AbCdE", "amount": 48000.00, "currency": "EUR",
             "occurredAt": "2026-12-15T16:00:00Z"}""";
    private static final String ACCEPTED_EXAMPLE = """
            {"activityId": "0b6f9a4e-8c1d-4f7a-9e2b-3c5d7e9f1a2b", "type": "lead.contacted"}""";

    private final CrmActivities activities;
    private final CrmActivityParser parser;
    private final ObjectMapper objectMapper;

    CrmActivityResource(CrmActivities activities, Clock clock, ObjectMapper objectMapper) {
        this.activities = activities;
        this.parser = new CrmActivityParser(clock);
        this.objectMapper = objectMapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a CRM activity: first contact, a disqualification, or an opportunity created, won or "
            + "lost",
            description = "Needs role leadflow-admin. Fields: type (lead.contacted, lead.disqualified, "
                    + "opportunity.created, opportunity.won, opportunity.lost), leadId, occurredAt (ISO-8601, default "
                    + "now, at most 5 minutes ahead), activityId (optional UUID: a retry under the same id has one "
                    + "effect); for lead.contacted repId and optional channel; for lead.disqualified repId and "
                    + "optional reason; for opportunities opportunityId, for created and "
                    + "won also amount (>= 0, at most 4 decimals) and currency (ISO 4217), for lost an optional "
                    + "reason. Published on crm.activities once stored.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "contacted", value = CONTACTED_EXAMPLE),
            @ExampleObject(name = "won", value = WON_EXAMPLE)}))
    @APIResponse(responseCode = "202", description = "Stored; the event will be published on crm.activities",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "accepted", value = ACCEPTED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or fields that break a rule (each listed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token lacks role leadflow-admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response report(String body) {
        JsonNode json;
        try {
            json = objectMapper.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return problem(Problem.of("malformed-body", "Malformed request body", 400,
                    "The body is not valid JSON; nothing was accepted"));
        }
        CrmActivityParser.Result result = parser.parse(json);
        if (result instanceof CrmActivityParser.Invalid invalid) {
            return problem(Problem.invalid(invalid.errors().stream()
                    .map(e -> new Problem.FieldError(e.field(), e.rule(), e.message())).toList()));
        }
        CrmActivityParser.Parsed parsed = (CrmActivityParser.Parsed) result;
        activities.record(parsed);
        return Response.accepted(new Accepted(parsed.event().eventId(), parsed.type())).build();
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The answer: the event id the activity was published under, and its type. */
    public record Accepted(UUID activityId, String type) {
    }
}
