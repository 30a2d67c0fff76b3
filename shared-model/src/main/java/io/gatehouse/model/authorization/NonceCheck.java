package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;

/**
 * OIDC Core 3.2.2.1, 3.3.2.11: nonce is required when the authorization endpoint returns an ID token (implicit
 * and hybrid with id_token); the code flow may leave it out (3.1.2.1).
 */
public final class NonceCheck implements AuthorizationCheck {
    @Override
    public void check(AuthorizationRequest request, ClientEntity client) {
        if (request.responseType().map(ResponseType::hasIdToken).orElse(false) && request.nonce() == null) {
            throw OAuthError.invalidRequest("nonce is required when an ID token is returned from the authorization endpoint")
                    .toException();
        }
    }
}
