package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;

/** OIDC Core 3.2.2.1, 3.3.2.1: an ID token from the authorization endpoint needs an OpenID request (scope openid). */
public final class OpenIdScopeCheck implements AuthorizationCheck {
    @Override
    public void check(AuthorizationRequest request, ClientEntity client) {
        if (request.responseType().map(ResponseType::hasIdToken).orElse(false) && !request.isOpenId()) {
            throw OAuthError.invalidRequest("response_type with id_token requires the openid scope").toException();
        }
    }
}
