package dev.leadflow.reporting.funnel.rest;

import dev.leadflow.reporting.funnel.FunnelReport;
import dev.leadflow.reporting.funnel.ReportWindow;
import dev.leadflow.reporting.funnel.repository.FunnelRepository;
import dev.leadflow.reporting.rest.Problem;
import dev.leadflow.reporting.rest.ProblemException;
import dev.leadflow.reporting.rest.RequestParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@RolesAllowed({"leadflow-viewer", "leadflow-admin"})
@Path("/api/v1/reports/funnel")
public class FunnelResource {

    private final FunnelRepository repository;

    FunnelResource(FunnelRepository repository) {
        this.repository = repository;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Leads captured in a window: how many reached each stage, and conversion between stages")
    @APIResponse(responseCode = "200", description = "The funnel",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FunnelView.class)))
    @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 instant, or from is not before to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FunnelView funnel(
            @Parameter(description = "Leads captured at or after this instant, e.g. 2026-01-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Leads captured before this instant, e.g. 2026-02-01T00:00:00Z")
            @QueryParam("to") String to) {
        ReportWindow window = window(from, to);
        return FunnelView.of(window, FunnelReport.of(repository.countsCapturedIn(window)));
    }

    private static ReportWindow window(String fromParam, String toParam) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant from = RequestParameters.optionalInstant("from", fromParam, errors);
        Instant to = RequestParameters.optionalInstant("to", toParam, errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new Problem.FieldError("to", "after-from", "must be later than from"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ReportWindow(from, to);
    }
}
