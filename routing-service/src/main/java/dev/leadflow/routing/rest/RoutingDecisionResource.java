package dev.leadflow.routing.rest;

import dev.leadflow.routing.repository.RoutingDecisionRepository;
import dev.leadflow.routing.sla.SlaTimer;
import dev.leadflow.routing.sla.SlaTimers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed({"leadflow-viewer", "leadflow-admin"})
@Path("/api/v1/routing/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Routing audit")
public class RoutingDecisionResource {

    private final RoutingDecisionRepository decisions;
    private final SlaTimers timers;

    RoutingDecisionResource(RoutingDecisionRepository decisions, SlaTimers timers) {
        this.decisions = decisions;
        this.timers = timers;
    }

    @GET
    @Path("/{leadId}")
    @Operation(summary = "A lead's routing decisions with their owners and reasons, oldest first",
            description = "Each decision also shows its reassignment number, the previous owner and its "
                    + "first-contact SLA (sla: status, due, breach and escalation, contact, timeline)")
    @APIResponse(responseCode = "200", description = "The lead's decisions")
    @APIResponse(responseCode = "400", description = "leadId is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The lead was never routed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LeadDecisions decisionsOf(
            @PathParam("leadId") @Pattern(regexp = LeadIds.UUID_PATTERN, message = LeadIds.UUID_MESSAGE) String leadId) {
        UUID id = UUID.fromString(leadId);
        Map<UUID, SlaTimer> timerByDecision = timers.findByLead(id).stream()
                .collect(Collectors.toMap(SlaTimer::decisionId, timer -> timer));
        List<DecisionView> found = decisions.findByLead(id).stream()
                .map(decision -> DecisionView.of(decision, timerByDecision.get(decision.getId()))).toList();
        if (found.isEmpty()) {
            throw new NotFoundException("No routing decision for lead " + id);
        }
        return new LeadDecisions(id, found);
    }
}
