package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;

/**
 * RFC 6749 3.1.1, 4.1.2.1; OIDC Core 3.1.2.1; RFC 7591 2: response_type is required, must be one Gatehouse serves
 * (unsupported_response_type), and one the client registered (unauthorized_client).
 */
public final class ResponseTypeCheck implements AuthorizationCheck {
    @Override
    public void check(AuthorizationRequest request, ClientEntity client) {
        if (request.responseTypeParameter() == null) {
            throw OAuthError.invalidRequest("response_type is required").toException();
        }
        ResponseType type = request.responseType().orElseThrow(() ->
                AuthorizationError.unsupportedResponseType("response_type is not supported").toException());
        boolean registered = client.responseTypes.stream()
                .anyMatch(r -> ResponseType.parse(r).filter(type::equals).isPresent());
        if (!registered) {
            throw OAuthError.unauthorizedClient("the client is not registered for response_type " + type.value()).toException();
        }
    }
}
