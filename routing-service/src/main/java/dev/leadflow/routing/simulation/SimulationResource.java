package dev.leadflow.routing.simulation;

import dev.leadflow.routing.management.ModelChangeRejected;
import dev.leadflow.routing.management.ModelRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/routing/simulate}: what a draft would have done with the last routed leads. It changes nothing
 * (no decision, counter, model version or event), so viewers may run it as well as admins.
 */
@Path("/api/v1/routing/simulate")
@Tag(name = "Routing model")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"leadflow-viewer", "leadflow-admin"})
public class SimulationResource {

    static final int DEFAULT_LEADS = 100;
    static final int MAX_LEADS = 5000;

    private final Simulator simulator;

    SimulationResource(Simulator simulator) {
        this.simulator = simulator;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml"})
    @Operation(summary = "Replay the last routed leads through a draft and compare owners",
            description = "The body is a whole routing model document, or only rules (a JSON array, or {\"rules\": "
                    + "[...]}) put into the current model. leads: how many of the last routed leads to replay "
                    + "(default 100, 1 to 5000), oldest first, with counters starting from today's team states and "
                    + "rep loads, and availability at each lead's original routedAt. Leads routed before their input "
                    + "was stored are counted as skipped.")
    @APIResponse(responseCode = "200", description = "Per lead today's and the draft's owner and rule; per owner "
            + "the counts; totals")
    @APIResponse(responseCode = "400", description = "The draft breaks a rule (each named), or leads is out of range")
    public Simulator.Simulation simulate(String body, @QueryParam("leads") String leads) {
        return simulator.simulate(ModelRequests.draft(body), leadCount(leads));
    }

    /** {@code leads} as text, so "abc" is a 400 naming the parameter rather than JAX-RS's 404. */
    private static int leadCount(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LEADS;
        }
        try {
            int leads = Integer.parseInt(text.strip());
            if (leads >= 1 && leads <= MAX_LEADS) {
                return leads;
            }
        } catch (NumberFormatException e) {
            // Answered below like a number out of range.
        }
        throw new ModelChangeRejected(400, "Invalid request", "1 field is invalid", List.of(
                new ModelChangeRejected.Error("leads", "range", "must be a whole number from 1 to " + MAX_LEADS)));
    }
}
