package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;

/**
 * OIDC Core 3.1.2.1, 3.1.2.6; RFC 6749 4.1.2.1: client_id is required and must name a registered, enabled
 * client. Without one the redirect_uri cannot be trusted, so the error is shown on a page, never redirected.
 */
public final class ClientCheck {

    private ClientCheck() {
    }

    /** The client, or {@link UntrustedRedirectException}. {@code client} is the row found for the client_id, or null. */
    public static ClientEntity require(RequestParameters parameters, ClientEntity client) {
        if (parameters.isDuplicated("client_id")) {
            throw new UntrustedRedirectException(OAuthError.invalidRequest("client_id was sent more than once"));
        }
        if (parameters.get("client_id") == null) {
            throw new UntrustedRedirectException(OAuthError.invalidRequest("client_id is required"));
        }
        if (client == null || !client.enabled || !client.clientId.equals(parameters.get("client_id"))) {
            throw new UntrustedRedirectException(OAuthError.invalidClient("unknown client"));
        }
        return client;
    }
}
