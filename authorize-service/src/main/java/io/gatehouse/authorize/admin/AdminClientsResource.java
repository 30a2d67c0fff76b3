package io.gatehouse.authorize.admin;

import io.gatehouse.authorize.api.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/clients}: create, list, read, update, rotate the secret, disable, enable, delete. */
@Path("/admin/clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: clients", description = "Relying parties and service clients")
@SecurityRequirement(name = AdminOpenApi.SCHEME)
public class AdminClientsResource {

    @Inject
    JsonBodies bodies;
    @Inject
    AdminAccess access;
    @Inject
    ClientAdministration clients;

    @POST
    @Operation(summary = "Create a client", description = "RFC 7591 client metadata plus optional client_id, first_party and "
            + "enabled. The client_secret is in this response only.")
    public Response create(String body) {
        AdminCaller caller = access.require();
        return AdminResponses.created(clients.create(AdminRequests.object(bodies, body), caller));
    }

    @GET
    @Operation(summary = "List clients", description = "search matches client_id or client_name (case-insensitive)")
    public Response list(@QueryParam("search") String search, @QueryParam("page") String page, @QueryParam("size") String size) {
        access.require();
        return AdminResponses.ok(clients.list(search, Paging.of(page, size)));
    }

    @GET
    @Path("/{client_id}")
    @Operation(summary = "Read a client")
    public Response get(@PathParam("client_id") String clientId) {
        access.require();
        return AdminResponses.ok(clients.get(clientId));
    }

    @PUT
    @Path("/{client_id}")
    @Operation(summary = "Replace a client's metadata", description = "Full replacement, as RFC 7592 2.2; first_party and "
            + "enabled change only when given.")
    public Response update(@PathParam("client_id") String clientId, String body) {
        AdminCaller caller = access.require();
        return AdminResponses.ok(clients.update(clientId, AdminRequests.object(bodies, body), caller));
    }

    @POST
    @Path("/{client_id}/secret")
    @Operation(summary = "Rotate the client secret", description = "The old secret stops working at once; the new one is "
            + "in this response only.")
    public Response rotateSecret(@PathParam("client_id") String clientId) {
        AdminCaller caller = access.require();
        return AdminResponses.ok(clients.rotateSecret(clientId, caller));
    }

    @POST
    @Path("/{client_id}/disable")
    @Operation(summary = "Disable a client")
    public Response disable(@PathParam("client_id") String clientId) {
        AdminCaller caller = access.require();
        return AdminResponses.ok(clients.setEnabled(clientId, false, caller));
    }

    @POST
    @Path("/{client_id}/enable")
    @Operation(summary = "Enable a client")
    public Response enable(@PathParam("client_id") String clientId) {
        AdminCaller caller = access.require();
        return AdminResponses.ok(clients.setEnabled(clientId, true, caller));
    }

    @DELETE
    @Path("/{client_id}")
    @Operation(summary = "Delete a client", description = "With its grants, tokens, consents and codes.")
    public Response delete(@PathParam("client_id") String clientId) {
        AdminCaller caller = access.require();
        clients.delete(clientId, caller);
        return AdminResponses.noContent();
    }
}
