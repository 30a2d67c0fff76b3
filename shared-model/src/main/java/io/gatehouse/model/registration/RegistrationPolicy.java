package io.gatehouse.model.registration;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the server accepts at registration, beyond the specifications' own rules.
 *
 * @param signingAlgorithms             JWS algorithms the server signs and verifies with (values of the
 *                                      {@code *_signed_response_alg} and {@code *_signing_alg} members)
 * @param allowedScopes                 scopes a client may register; empty means any (operators through the admin API)
 * @param defaultScope                  scope registered when the client sends none (RFC 7591 2: "MAY register ... a
 *                                      default set of scopes")
 * @param allowHttpLoopbackForWebClients web clients may use {@code http} redirect URIs on a loopback host (local
 *                                      development; production requires https)
 * @param assertionAlgorithms           per JWT client authentication method, the algorithms its authenticator
 *                                      verifies: the values {@code token_endpoint_auth_signing_alg} may take (OIDC
 *                                      Registration 2)
 */
public record RegistrationPolicy(Set<String> signingAlgorithms, Optional<Set<String>> allowedScopes, String defaultScope,
                                 boolean allowHttpLoopbackForWebClients, Map<String, Set<String>> assertionAlgorithms) {

    public RegistrationPolicy {
        signingAlgorithms = Set.copyOf(signingAlgorithms);
        allowedScopes = allowedScopes.map(Set::copyOf);
        assertionAlgorithms = Map.copyOf(assertionAlgorithms);
    }

    /** With the shipped authenticators' algorithms: private_key_jwt the signing algorithms, client_secret_jwt HS256. */
    public RegistrationPolicy(Set<String> signingAlgorithms, Optional<Set<String>> allowedScopes, String defaultScope,
                              boolean allowHttpLoopbackForWebClients) {
        this(signingAlgorithms, allowedScopes, defaultScope, allowHttpLoopbackForWebClients,
                Map.of("private_key_jwt", signingAlgorithms, "client_secret_jwt", Set.of("HS256")));
    }
}
