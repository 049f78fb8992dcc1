package dev.leadflow.routing.management;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/routing/model}: the whole routing model document, and its version history. */
@Path("/api/v1/routing/model")
@Tag(name = "Routing model")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingModelResource {

    private final ModelItems items;
    private final ModelVersions versions;
    private final JsonWebToken token;

    RoutingModelResource(ModelItems items, ModelVersions versions, JsonWebToken token) {
        this.items = items;
        this.versions = versions;
        this.token = token;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "The current routing model document, with its version (also the ETag)")
    public Response model() {
        return items.model();
    }

    @PUT
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the whole routing model document (JSON, or YAML as the seed); stores a new version",
            description = "Checked as a whole: 400 lists every error with its item and field. If-Match with an "
                    + "older version: 412. Team distribution counters and rep loads are kept.")
    @APIResponse(responseCode = "400", description = "The document breaks a rule (every error listed)")
    @APIResponse(responseCode = "412", description = "If-Match names an older model version")
    public Response replace(String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return items.putModel(body, ifMatch, Roles.actor(token));
    }

    @GET
    @Path("versions")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "Every model version, newest first: version, createdAt, source, changedBy, summary")
    public Versions history() {
        return new Versions(versions.history());
    }

    /** The answer of {@code GET /api/v1/routing/model/versions}. */
    public record Versions(List<ModelVersions.VersionInfo> versions) {
    }
}
