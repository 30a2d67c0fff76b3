package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * RFC 6749 3.3, 4.1.2.1: scope is required here (no default scope is configured) and every value must be one the
 * client registered; anything else is invalid_scope.
 */
public final class ScopeCheck implements AuthorizationCheck {
    @Override
    public void check(AuthorizationRequest request, ClientEntity client) {
        if (request.scopes().isEmpty()) {
            throw OAuthError.invalidScope("scope is required").toException();
        }
        Set<String> registered = Set.copyOf(Arrays.asList((client.scope == null ? "" : client.scope).trim().split(" +")));
        List<String> unknown = request.scopes().stream().filter(s -> !registered.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw OAuthError.invalidScope("scope not allowed for this client: " + String.join(" ", unknown)).toException();
        }
    }
}
