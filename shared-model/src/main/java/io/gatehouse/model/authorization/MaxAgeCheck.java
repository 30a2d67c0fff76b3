package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;

/** OIDC Core 3.1.2.1: max_age is a number of seconds, a non-negative integer. */
public final class MaxAgeCheck implements AuthorizationCheck {
    @Override
    public void check(AuthorizationRequest request, ClientEntity client) {
        if (request.maxAgeParameter() != null && request.maxAge().isEmpty()) {
            throw OAuthError.invalidRequest("max_age must be a non-negative integer").toException();
        }
    }
}
