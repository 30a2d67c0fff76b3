package io.gatehouse.model.client;

import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.entity.ClientEntity;
import java.util.List;

/**
 * One client authentication method (RFC 7591 2 {@code token_endpoint_auth_method}; OIDC Core 9). The method is the
 * one the client registered, never one guessed from the request. Failure is {@code invalid_client}.
 */
public interface ClientAuthenticator {

    /** The registered method name, e.g. {@code client_secret_basic}. */
    String method();

    /**
     * The JWS algorithms of this method's client assertions (RFC 7523 2.2, RFC 8414 2
     * {@code token_endpoint_auth_signing_alg_values_supported}); empty for the methods without an assertion. What
     * registration accepts as {@code token_endpoint_auth_signing_alg} and discovery advertises comes from here.
     */
    default List<String> signingAlgorithms() {
        return List.of();
    }

    /** How a request authenticating by this method presents its credentials. */
    ClientCredentials.Kind presentation();

    /**
     * Checks {@code credentials} (already of {@link #presentation()}) for {@code client}, at {@code endpoint} (the
     * audience of a JWT assertion); throws {@code invalid_client} on failure.
     */
    void authenticate(ClientEntity client, ClientCredentials credentials, Endpoint endpoint);
}
