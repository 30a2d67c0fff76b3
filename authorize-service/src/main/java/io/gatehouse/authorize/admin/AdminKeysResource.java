package io.gatehouse.authorize.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/keys}: the signing keys' public information (rotation is discovery-service's). */
@Path("/admin/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: keys", description = "Signing keys (public information)")
@SecurityRequirement(name = AdminOpenApi.SCHEME)
public class AdminKeysResource {

    @Inject
    AdminAccess access;
    @Inject
    KeyListing keys;

    @GET
    @Operation(summary = "List signing keys", description = "kid, alg, state (next, active, retired, revoked), dates, public JWK.")
    public Response list() {
        access.require();
        return AdminResponses.ok(keys.list());
    }
}
