package io.gatehouse.model.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders an {@link OAuthError} as the JSON body of RFC 6749 5.2, never cached (RFC 6749 5.1). */
public final class OAuthErrorResponse {

    private OAuthErrorResponse() {
    }

    public static Response of(OAuthError error, String wwwAuthenticate) {
        return of(error, wwwAuthenticate, Map.of());
    }

    public static Response of(OAuthError error, String wwwAuthenticate, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.code());
        if (error.description() != null) {
            body.put("error_description", error.description());
        }
        Response.ResponseBuilder builder = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(body);
        if (wwwAuthenticate != null) {
            builder.header("WWW-Authenticate", wwwAuthenticate);
        }
        headers.forEach(builder::header);
        return builder.build();
    }
}
