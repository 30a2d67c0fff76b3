package io.gatehouse.model.authorization;

import io.gatehouse.model.claims.ClaimsRequest;
import io.gatehouse.model.entity.ClientEntity;

/** OIDC Core 5.5: the claims parameter is a JSON object with userinfo and id_token members of the defined shape. */
public final class ClaimsParameterCheck implements AuthorizationCheck {
    @Override
    public void check(AuthorizationRequest request, ClientEntity client) {
        ClaimsRequest.parse(request.claimsParameter()); // throws invalid_request when malformed
    }
}
