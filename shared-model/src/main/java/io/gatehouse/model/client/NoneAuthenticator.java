package io.gatehouse.model.client;

import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.entity.ClientEntity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * none (OIDC Core 9): a public client (RFC 6749 2.1) identifies itself by client_id only. What makes that safe is
 * the caller's business: the authorization code grant demands PKCE of such clients (RFC 9700 2.1.1).
 */
@ApplicationScoped
public class NoneAuthenticator implements ClientAuthenticator {

    @Override
    public String method() {
        return AuthenticatedClient.NONE;
    }

    @Override
    public ClientCredentials.Kind presentation() {
        return ClientCredentials.Kind.CLIENT_ID_ONLY;
    }

    @Override
    public void authenticate(ClientEntity client, ClientCredentials credentials, Endpoint endpoint) {
        // Nothing to check: the client exists, is enabled and registered none.
    }
}
