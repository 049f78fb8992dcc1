package dev.leadflow.routing.rest;

import dev.leadflow.routing.repository.RoutingDecisionRepository;
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

/** Public: tells a lead (e.g. a thank-you page) whether someone owns it: only the owner's name and booking link. */
@Path("/api/v1/leads/{leadId}/routing-status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Routing status (public)")
public class RoutingStatusResource {

    private final RoutingDecisionRepository decisions;

    RoutingStatusResource(RoutingDecisionRepository decisions) {
        this.decisions = decisions;
    }

    @GET
    @Operation(summary = "Whether the lead has an owner yet, and who (display name and booking link only)")
    @APIResponse(responseCode = "200", description = "The routing status; routed is false until a decision exists")
    @APIResponse(responseCode = "400", description = "leadId is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RoutingStatus statusOf(
            @PathParam("leadId") @Pattern(regexp = LeadIds.UUID_PATTERN, message = LeadIds.UUID_MESSAGE) String leadId) {
        UUID id = UUID.fromString(leadId);
        return decisions.findLatestByLead(id)
                .map(latest -> new RoutingStatus(id, true, latest.getOwnerName(), latest.getOwnerType(),
                        latest.getOwnerBookingLink()))
                .orElseGet(() -> new RoutingStatus(id, false, null, null, null));
    }
}
