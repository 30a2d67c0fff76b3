package io.gatehouse.authorize.admin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Admin API answers: JSON, never cached (they may carry secrets, RFC 7591 3.2.1 style). */
final class AdminResponses {

    private AdminResponses() {
    }

    static Response ok(Object entity) {
        return json(Response.ok(), entity);
    }

    static Response created(Object entity) {
        return json(Response.status(Response.Status.CREATED), entity);
    }

    static Response noContent() {
        return Response.noContent().header("Cache-Control", "no-store").build();
    }

    private static Response json(Response.ResponseBuilder builder, Object entity) {
        return builder.type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .entity(entity).build();
    }
}
