package dev.leadflow.attribution.rest;

import dev.leadflow.attribution.AttributionConfig;
import dev.leadflow.attribution.journey.Journeys;
import dev.leadflow.attribution.repository.TouchpointRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed({"leadflow-viewer", "leadflow-admin"})
@Path("/api/v1/attribution/leads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Attribution")
public class JourneyResource {

    static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private final TouchpointRepository touchpoints;
    private final AttributionConfig config;

    JourneyResource(TouchpointRepository touchpoints, AttributionConfig config) {
        this.touchpoints = touchpoints;
        this.config = config;
    }

    @GET
    @Path("{leadId}")
    @Operation(summary = "A lead's touchpoint journey",
            description = "Every touchpoint of the lead in time order, including the anonymous visits stitched to it "
                    + "when it submitted a form, with its first and last touch.")
    @APIResponse(responseCode = "200", description = "The journey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JourneyResponse.class)))
    @APIResponse(responseCode = "400", description = "The lead id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No touchpoint of this lead is known",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JourneyResponse journey(@PathParam("leadId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID")
            String leadId) {
        UUID id = UUID.fromString(leadId);
        return Journeys.assemble(id, touchpoints.journeyOf(id), config.maxJourneyTouchpoints())
                .map(JourneyResponse::of)
                .orElseThrow(() -> new LeadNotFoundException(id));
    }
}
