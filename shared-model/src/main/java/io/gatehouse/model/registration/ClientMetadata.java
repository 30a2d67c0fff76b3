package io.gatehouse.model.registration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Client metadata after validation (RFC 7591 2, OIDC Registration 2): the members the hot paths read as typed
 * values, and the whole normalised document (defaults filled in) that is stored and returned.
 */
public record ClientMetadata(List<String> redirectUris, List<String> responseTypes, List<String> grantTypes,
                             String applicationType, String tokenEndpointAuthMethod, String scope,
                             Optional<String> clientName, List<String> postLogoutRedirectUris,
                             Optional<String> sectorIdentifierUri, Map<String, Object> document) {

    /** Authentication methods that prove possession of a client secret issued by the server. */
    public static final Set<String> SECRET_METHODS = Set.of("client_secret_basic", "client_secret_post", "client_secret_jwt");
    /** The method whose secret is an HMAC key (RFC 7523 2.2), so kept encrypted as well as hashed. */
    public static final String CLIENT_SECRET_JWT = "client_secret_jwt";

    public ClientMetadata {
        redirectUris = List.copyOf(redirectUris);
        responseTypes = List.copyOf(responseTypes);
        grantTypes = List.copyOf(grantTypes);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        document = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(document));
    }

    /** Whether the client authenticates with a secret the server issues (RFC 7591 3.2.1 client_secret). */
    public boolean needsSecret() {
        return SECRET_METHODS.contains(tokenEndpointAuthMethod);
    }

    /**
     * Whether the server must be able to use the secret itself: as client_secret_jwt's HMAC key, or to derive the
     * key of a symmetric JWE algorithm the client registered (OIDC Core 10.2).
     */
    public boolean needsEncryptedSecret() {
        return needsEncryptedSecret(tokenEndpointAuthMethod, document);
    }

    /** {@link #needsEncryptedSecret()} of a client with this method and metadata document. */
    public static boolean needsEncryptedSecret(String tokenEndpointAuthMethod, Map<String, Object> metadata) {
        if (!SECRET_METHODS.contains(tokenEndpointAuthMethod)) {
            return false;
        }
        if (CLIENT_SECRET_JWT.equals(tokenEndpointAuthMethod)) {
            return true;
        }
        for (EncryptedJwt jwt : EncryptedJwt.values()) {
            if (jwt.registered(metadata).filter(c -> c.alg().symmetric()).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
