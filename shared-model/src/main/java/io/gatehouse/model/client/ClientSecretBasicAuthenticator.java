package io.gatehouse.model.client;

import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;
import jakarta.enterprise.context.ApplicationScoped;

/** client_secret_basic (RFC 6749 2.3.1, OIDC Core 9): the secret in the Authorization header, compared in constant time. */
@ApplicationScoped
public class ClientSecretBasicAuthenticator implements ClientAuthenticator {

    @Override
    public String method() {
        return "client_secret_basic";
    }

    @Override
    public ClientCredentials.Kind presentation() {
        return ClientCredentials.Kind.HTTP_BASIC;
    }

    @Override
    public void authenticate(ClientEntity client, ClientCredentials credentials, Endpoint endpoint) {
        if (!Sha256.matches(credentials.secret(), client.secretHash)) {
            throw OAuthError.invalidClient("invalid client credentials").toException();
        }
    }
}
