package dev.leadflow.reporting.timeline.rest;

import dev.leadflow.reporting.lifecycle.repository.LifecycleRepository;
import dev.leadflow.reporting.rest.Problem;
import dev.leadflow.reporting.rest.ProblemException;
import dev.leadflow.reporting.rest.RequestParameters;
import jakarta.annotation.security.RolesAllowed;
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

@RolesAllowed({"leadflow-viewer", "leadflow-admin"})
@Path("/api/v1/leads/{leadId}/timeline")
public class TimelineResource {

    private final LifecycleRepository repository;

    TimelineResource(LifecycleRepository repository) {
        this.repository = repository;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A lead's lifecycle stages and every event, in time order")
    @APIResponse(responseCode = "200", description = "The timeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimelineView.class)))
    @APIResponse(responseCode = "400", description = "leadId is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No event of this lead has been received",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TimelineView timeline(@PathParam("leadId") String leadId) {
        UUID id = RequestParameters.uuid("leadId", leadId);
        return repository.timeline(id)
                .map(TimelineView::of)
                .orElseThrow(() -> ProblemException.notFound("Lead not found",
                        "No event of lead " + id + " has been received"));
    }
}
