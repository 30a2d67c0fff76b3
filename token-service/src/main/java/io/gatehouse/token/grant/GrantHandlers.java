package io.gatehouse.token.grant;

import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.error.OAuthError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** The grant handlers by grant_type: unknown types are unsupported_grant_type, unregistered ones unauthorized_client. */
@ApplicationScoped
public class GrantHandlers {

    private final Map<String, GrantHandler> byType = new HashMap<>();

    @Inject
    GrantHandlers(Instance<GrantHandler> handlers) {
        for (GrantHandler h : handlers) {
            byType.put(h.grantType(), h);
        }
    }

    /** The grant_type values served: what discovery's grant_types_supported must list (GrantVocabularyTest). */
    public java.util.Set<String> grantTypes() {
        return java.util.Set.copyOf(byType.keySet());
    }

    public GrantHandler forRequest(TokenRequest request, AuthenticatedClient client) {
        GrantHandler handler = byType.get(request.grantType());
        if (handler == null) {
            throw OAuthError.unsupportedGrantType("grant_type is not supported").toException(); // RFC 6749 5.2
        }
        if (!client.allowsGrantType(request.grantType())) {
            throw OAuthError.unauthorizedClient("the client is not registered for this grant_type").toException(); // RFC 6749 5.2
        }
        return handler;
    }
}
