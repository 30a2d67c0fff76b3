package io.gatehouse.model.registration;

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
 */
public record RegistrationPolicy(Set<String> signingAlgorithms, Optional<Set<String>> allowedScopes, String defaultScope,
                                 boolean allowHttpLoopbackForWebClients) {

    public RegistrationPolicy {
        signingAlgorithms = Set.copyOf(signingAlgorithms);
        allowedScopes = allowedScopes.map(Set::copyOf);
    }
}
