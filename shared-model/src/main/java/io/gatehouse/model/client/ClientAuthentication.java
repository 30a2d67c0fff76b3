package io.gatehouse.model.client;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.repository.ClientRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one entry point of client authentication (RFC 6749 2.3, 3.2.1; OIDC Core 9), for the token, revocation,
 * introspection and pushed authorization endpoints: reads the presented credentials, finds the enabled client, and
 * lets the authenticator of the client's REGISTERED {@code token_endpoint_auth_method} decide. A request presenting
 * another method fails. Every failure is {@code invalid_client}, 401 with a {@code WWW-Authenticate: Basic}
 * challenge (RFC 6749 5.2 requires it when the Authorization header was used and allows it otherwise; RFC 7235 3.1
 * forbids a 401 without one).
 */
@ApplicationScoped
public class ClientAuthentication {

    private static final String INVALID_CLIENT = "invalid_client";

    private final Map<String, ClientAuthenticator> byMethod = new HashMap<>();

    @Inject
    ClientRepository clients;
    @Inject
    GatehouseConfig config;

    @Inject
    ClientAuthentication(Instance<ClientAuthenticator> authenticators) {
        for (ClientAuthenticator a : authenticators) {
            byMethod.put(a.method(), a);
        }
    }

    /**
     * @param authorization values of the request's Authorization header
     * @param form          the request's form parameters, each present at most once
     * @param endpoint      where the request was sent (an accepted audience of JWT assertions)
     */
    // Not transactional: private_key_jwt may fetch the client's jwks_uri, which never happens inside a transaction
    // (a slow remote server would hold a pooled connection); the jti replay check has its own short transaction.
    public AuthenticatedClient authenticate(List<String> authorization, Map<String, String> form, Endpoint endpoint) {
        try {
            ClientCredentials credentials = ClientCredentials.parse(authorization, form);
            ClientEntity client = clients.findById(credentials.clientId());
            if (client == null || !client.enabled) {
                throw OAuthError.invalidClient("unknown or disabled client").toException();
            }
            ClientAuthenticator authenticator = byMethod.get(client.tokenEndpointAuthMethod);
            if (authenticator == null) {
                throw OAuthError.invalidClient("the client's authentication method is not supported").toException();
            }
            if (authenticator.presentation() != credentials.kind()) {
                throw OAuthError.invalidClient("the client must authenticate with " + authenticator.method()).toException();
            }
            authenticator.authenticate(client, credentials, endpoint);
            return new AuthenticatedClient(client, authenticator.method());
        } catch (OAuthException e) {
            if (INVALID_CLIENT.equals(e.error().code())) {
                throw new OAuthException(e.error(), challenge());
            }
            throw e;
        }
    }

    /** The challenge sent with invalid_client (RFC 7617 2). */
    public String challenge() {
        return "Basic realm=\"" + config.issuer() + "\", charset=\"UTF-8\"";
    }
}
