package io.gatehouse.authorize.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/audit-events}: audit events by user, client, type and time range, newest first, paged. */
@Path("/admin/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: audit", description = "Audit events")
@SecurityRequirement(name = AdminOpenApi.SCHEME)
public class AdminAuditResource {

    @Inject
    AdminAccess access;
    @Inject
    AuditQuery audit;

    @GET
    @Operation(summary = "Query audit events", description = "from (inclusive) and to (exclusive) are ISO-8601 instants.")
    public Response find(@QueryParam("user_id") String userId, @QueryParam("client_id") String clientId,
                         @QueryParam("type") String type, @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("page") String page, @QueryParam("size") String size) {
        access.require();
        return AdminResponses.ok(audit.find(new AuditQuery.Filter(userId, clientId, type, from, to), Paging.of(page, size)));
    }
}
