package dev.leadflow.scoring.rest;

import dev.leadflow.scoring.lead.LeadScoringService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@RolesAllowed({"leadflow-viewer", "leadflow-admin"})
@Path("/api/v1/scores")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private final LeadScoringService scoring;

    ScoreResource(LeadScoringService scoring) {
        this.scoring = scoring;
    }

    @GET
    @Path("/{leadId}")
    @Operation(summary = "A lead's current score and the reasons that add up to it")
    @APIResponse(responseCode = "200", description = "The lead's score",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreResponse.class)))
    @APIResponse(responseCode = "400", description = "leadId is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No score for this lead (unknown, or not scored yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScoreResponse score(@PathParam("leadId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID")
            String leadId) {
        return scoring.find(UUID.fromString(leadId))
                .map(ScoreResponse::of)
                .orElseThrow(() -> new UnknownLeadException("No score for lead " + leadId));
    }

    @GET
    @Path("/{leadId}/history")
    @Operation(summary = "Every score published for a lead, newest first (at most 100), each with its reasons")
    @APIResponse(responseCode = "200", description = "The lead's scores, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScoreHistoryResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "leadId is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No score for this lead (unknown, or not scored yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ScoreHistoryResponse> history(@PathParam("leadId") @Pattern(regexp = UUID_PATTERN,
            message = "must be a UUID") String leadId) {
        List<ScoreHistoryResponse> history = scoring.history(UUID.fromString(leadId)).stream()
                .map(ScoreHistoryResponse::of).toList();
        if (history.isEmpty()) {
            throw new UnknownLeadException("No score for lead " + leadId);
        }
        return history;
    }
}
