package io.gatehouse.token;

import io.gatehouse.model.error.OAuthError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Responses of the token, revocation and introspection endpoints: never cached (RFC 6749 5.1). */
final class NoStore {

    private NoStore() {
    }

    static Response json(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    static Response empty() {
        return Response.ok().header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    /** RFC 6749 3.2: these endpoints take application/x-www-form-urlencoded bodies only. */
    static Response notFormEncoded() {
        throw OAuthError.invalidRequest("the request body must be application/x-www-form-urlencoded").toException();
    }
}
