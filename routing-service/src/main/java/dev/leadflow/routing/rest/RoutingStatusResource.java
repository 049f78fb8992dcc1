package dev.leadflow.routing.rest;

import dev.leadflow.routing.status.LeadOwner;
import dev.leadflow.routing.status.RoutingStatusWaits;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public: tells a lead (e.g. a thank-you page) whether someone owns it: only the owner's name and booking link. */
@Path("/api/v1/leads/{leadId}/routing-status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Routing status (public)")
public class RoutingStatusResource {

    /** Whole seconds, 0 to 30: a string, so that {@code wait=abc} is a 400 naming the field rather than a 404. */
    static final String WAIT_PATTERN = "^(?:[0-9]|[12][0-9]|30)$";
    static final String WAIT_MESSAGE = "must be a whole number of seconds from 0 to 30";

    private final RoutingStatusWaits waits;

    RoutingStatusResource(RoutingStatusWaits waits) {
        this.waits = waits;
    }

    // @Blocking with a Uni: the first lookup (Hibernate) runs on a worker thread, which is free again as soon as the
    // method returns; a held request then waits as a pending Uni, occupying no thread at all.
    @GET
    @Blocking
    @Operation(summary = "Whether the lead has an owner yet, and who (display name and booking link only); "
            + "with wait, held until it has one or the wait is over")
    @APIResponse(responseCode = "200", description = "The routing status; routed is false until a decision exists")
    @APIResponse(responseCode = "400", description = "leadId is not a UUID, or wait is not 0 to 30",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RoutingStatus> statusOf(
            @PathParam("leadId") @Pattern(regexp = LeadIds.UUID_PATTERN, message = LeadIds.UUID_MESSAGE) String leadId,
            @Parameter(description = "Seconds (1-30) to hold the request until the lead is routed; 0 or absent "
                    + "answers at once", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    maximum = "30"))
            @QueryParam("wait") @Pattern(regexp = WAIT_PATTERN, message = WAIT_MESSAGE) String wait) {
        UUID id = UUID.fromString(leadId);
        Duration holdFor = Duration.ofSeconds(wait == null ? 0 : Integer.parseInt(wait));
        return waits.ownerOf(id, holdFor).map(owner -> statusOf(id, owner));
    }

    private static RoutingStatus statusOf(UUID leadId, Optional<LeadOwner> owner) {
        return owner.map(o -> new RoutingStatus(leadId, true, o.name(), o.type(), o.bookingLink()))
                .orElseGet(() -> new RoutingStatus(leadId, false, null, null, null));
    }
}
