package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;

/** RFC 6749 3.1: request parameters must not be included more than once. */
public final class DuplicateParameterCheck implements AuthorizationCheck {
    @Override
    public void check(AuthorizationRequest request, ClientEntity client) {
        if (!request.parameters().duplicated().isEmpty()) {
            throw OAuthError.invalidRequest("parameters sent more than once: "
                    + String.join(", ", request.parameters().duplicated())).toException();
        }
    }
}
