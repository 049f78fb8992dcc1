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
 * {@code /api/v1/accounts}: the routing model's accounts, each change stored as a new model version (see {@link ModelItems}).
 * Reading needs role {@code leadflow-viewer} or {@code leadflow-admin}, changing needs {@code leadflow-admin}.
 */
@Path("/api/v1/accounts")
@Tag(name = "Routing model")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final ModelItems items;
    private final JsonWebToken token;

    AccountResource(ModelItems items, JsonWebToken token) {
        this.items = items;
        this.token = token;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "The accounts of the current model version: {version, items}")
    public Response list() {
        return items.list(ModelCollection.ACCOUNTS);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "One account, with the model version")
    @APIResponse(responseCode = "404", description = "No account with this id")
    public Response get(@PathParam("id") String id) {
        return items.get(ModelCollection.ACCOUNTS, id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create (201) or replace (200) a account; stores a new model version",
            description = "The body is the account as in the model document (id optional, must match the path; version "
                    + "ignored). The whole resulting model is checked: 400 names the item and field. If-Match with "
                    + "an older version: 412.")
    @APIResponse(responseCode = "400", description = "The account or the resulting model breaks a rule")
    @APIResponse(responseCode = "412", description = "If-Match names an older model version")
    public Response put(@PathParam("id") String id, String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return items.put(ModelCollection.ACCOUNTS, id, body, ifMatch, Roles.actor(token));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a account; stores a new model version")
    @APIResponse(responseCode = "404", description = "No account with this id")
    @APIResponse(responseCode = "409", description = "Other items still refer to it (each named)")
    @APIResponse(responseCode = "412", description = "If-Match names an older model version")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return items.delete(ModelCollection.ACCOUNTS, id, ifMatch, Roles.actor(token));
    }
}
