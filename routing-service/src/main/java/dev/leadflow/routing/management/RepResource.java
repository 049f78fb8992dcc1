package dev.leadflow.routing.management;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/reps}: the routing model's reps, each change stored as a new model version (see {@link ModelItems}).
 * Reading needs role {@code leadflow-viewer} or {@code leadflow-admin}, changing needs {@code leadflow-admin}.
 */
@Path("/api/v1/reps")
@Tag(name = "Routing model")
@Produces(MediaType.APPLICATION_JSON)
public class RepResource {

    private final ModelItems items;
    private final JsonWebToken token;

    RepResource(ModelItems items, JsonWebToken token) {
        this.items = items;
        this.token = token;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "The reps of the current model version: {version, items}")
    public Response list() {
        return items.list(ModelCollection.REPS);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "One rep, with the model version")
    @APIResponse(responseCode = "404", description = "No rep with this id")
    public Response get(@PathParam("id") String id) {
        return items.get(ModelCollection.REPS, id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create (201) or replace (200) a rep; stores a new model version",
            description = "The body is the rep as in the model document (id optional, must match the path; version "
                    + "ignored). The whole resulting model is checked: 400 names the item and field. If-Match with "
                    + "an older version: 412.")
    @APIResponse(responseCode = "400", description = "The rep or the resulting model breaks a rule")
    @APIResponse(responseCode = "412", description = "If-Match names an older model version")
    public Response put(@PathParam("id") String id, String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return items.put(ModelCollection.REPS, id, body, ifMatch, Roles.actor(token));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a rep; stores a new model version")
    @APIResponse(responseCode = "404", description = "No rep with this id")
    @APIResponse(responseCode = "409", description = "Other items still refer to it (each named)")
    @APIResponse(responseCode = "412", description = "If-Match names an older model version")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return items.delete(ModelCollection.REPS, id, ifMatch, Roles.actor(token));
    }
}
