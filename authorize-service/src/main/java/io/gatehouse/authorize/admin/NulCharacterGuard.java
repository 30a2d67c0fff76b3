package io.gatehouse.authorize.admin;

import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.error.OAuthErrorResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a NUL character in the path or query of the admin and registration endpoints with 400
 * {@code invalid_request}: PostgreSQL text cannot hold it, and a lookup with one must not become a 500.
 */
public class NulCharacterGuard {

    @ServerRequestFilter
    public Optional<Response> refuseNul(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/admin") && !path.startsWith("/register")) {
            return Optional.empty();
        }
        boolean nul = path.indexOf('\0') >= 0;
        for (var entry : request.getUriInfo().getQueryParameters().entrySet()) {
            nul |= entry.getKey().indexOf('\0') >= 0;
            for (String value : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
                nul |= value.indexOf('\0') >= 0;
            }
        }
        return nul ? Optional.of(OAuthErrorResponse.of(OAuthError.invalidRequest("NUL characters are not allowed"), null))
                : Optional.empty();
    }
}
