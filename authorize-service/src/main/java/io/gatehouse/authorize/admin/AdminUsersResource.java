package io.gatehouse.authorize.admin;

import io.gatehouse.authorize.api.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /admin/users}: users, their attributes and passwords, and under each user the saved consents and SSO
 * sessions. A user is named by id or by username.
 */
@Path("/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: users", description = "Users of the PostgreSQL user store, their consents and sessions")
@SecurityRequirement(name = AdminOpenApi.SCHEME)
public class AdminUsersResource {

    @Inject
    JsonBodies bodies;
    @Inject
    AdminAccess access;
    @Inject
    UserAdministration users;
    @Inject
    ConsentAdministration consents;
    @Inject
    SessionAdministration sessions;

    @POST
    @Operation(summary = "Create a user", description = "{username, password?, attributes?, enabled?}; the password is stored "
            + "as Argon2id.")
    public Response create(String body) {
        AdminCaller caller = access.require();
        return AdminResponses.created(users.create(AdminRequests.object(bodies, body), caller));
    }

    @GET
    @Operation(summary = "List users", description = "search matches username, mail or cn (case-insensitive)")
    public Response list(@QueryParam("search") String search, @QueryParam("page") String page, @QueryParam("size") String size) {
        access.require();
        return AdminResponses.ok(users.list(search, Paging.of(page, size)));
    }

    @GET
    @Path("/{user}")
    @Operation(summary = "Read a user (by id or username)")
    public Response get(@PathParam("user") String user) {
        access.require();
        return AdminResponses.ok(users.get(user));
    }

    @PUT
    @Path("/{user}/attributes")
    @Operation(summary = "Replace a user's attributes")
    public Response replaceAttributes(@PathParam("user") String user, String body) {
        AdminCaller caller = access.require();
        return AdminResponses.ok(users.updateAttributes(user, AdminRequests.object(bodies, body), false, caller));
    }

    @PATCH
    @Path("/{user}/attributes")
    @Operation(summary = "Merge into a user's attributes", description = "Members set to null are removed.")
    public Response mergeAttributes(@PathParam("user") String user, String body) {
        AdminCaller caller = access.require();
        return AdminResponses.ok(users.updateAttributes(user, AdminRequests.object(bodies, body), true, caller));
    }

    @PUT
    @Path("/{user}/password")
    @Operation(summary = "Set a user's password", description = "{password}; 8 to 1024 characters, stored as Argon2id.")
    public Response setPassword(@PathParam("user") String user, String body) {
        AdminCaller caller = access.require();
        Map<String, Object> request = AdminRequests.object(bodies, body);
        String password = AdminRequests.optionalString(request, "password");
        if (password == null) {
            throw AdminErrors.invalidRequest("password is required");
        }
        users.setPassword(user, password, caller);
        return AdminResponses.noContent();
    }

    @POST
    @Path("/{user}/disable")
    @Operation(summary = "Disable a user", description = "Also ends the user's sessions.")
    public Response disable(@PathParam("user") String user) {
        AdminCaller caller = access.require();
        return AdminResponses.ok(users.setEnabled(user, false, caller));
    }

    @POST
    @Path("/{user}/enable")
    @Operation(summary = "Enable a user")
    public Response enable(@PathParam("user") String user) {
        AdminCaller caller = access.require();
        return AdminResponses.ok(users.setEnabled(user, true, caller));
    }

    @DELETE
    @Path("/{user}/second-factor")
    @Operation(summary = "Reset a user's second factor", description = "Removes the TOTP authenticator and the recovery "
            + "codes: the next login asks for the password only. Audited.")
    public Response resetSecondFactor(@PathParam("user") String user) {
        AdminCaller caller = access.require();
        users.resetSecondFactor(user, caller);
        return AdminResponses.noContent();
    }

    @DELETE
    @Path("/{user}")
    @Operation(summary = "Delete a user", description = "With sessions, consents, grants and codes.")
    public Response delete(@PathParam("user") String user) {
        AdminCaller caller = access.require();
        users.delete(user, caller);
        return AdminResponses.noContent();
    }

    @GET
    @Path("/{user}/consents")
    @Operation(summary = "List a user's saved consents")
    public Response listConsents(@PathParam("user") String user) {
        access.require();
        return AdminResponses.ok(consents.list(user));
    }

    @DELETE
    @Path("/{user}/consents/{client_id}")
    @Operation(summary = "Revoke a consent", description = "Also revokes the user's grants to the client, and so their tokens.")
    public Response revokeConsent(@PathParam("user") String user, @PathParam("client_id") String clientId) {
        AdminCaller caller = access.require();
        consents.revoke(user, clientId, caller);
        return AdminResponses.noContent();
    }

    @GET
    @Path("/{user}/sessions")
    @Operation(summary = "List a user's sessions", description = "Live sessions; all=true adds ended and expired ones.")
    public Response listSessions(@PathParam("user") String user, @QueryParam("all") String all) {
        access.require();
        return AdminResponses.ok(sessions.list(user, "true".equalsIgnoreCase(all)));
    }

    @DELETE
    @Path("/{user}/sessions/{sid}")
    @Operation(summary = "End a session", description = "Sets ended_at, revokes its grants without offline_access and sends "
            + "back-channel logout notices.")
    public Response endSession(@PathParam("user") String user, @PathParam("sid") String sid) {
        AdminCaller caller = access.require();
        sessions.end(user, sid, caller);
        return AdminResponses.noContent();
    }
}
