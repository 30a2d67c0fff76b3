package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;

/**
 * OAuth 2.0 Multiple Response Types 2.1, Form Post Response Mode 2: response_mode is query, fragment or
 * form_post, and never query for a response that carries tokens.
 */
public final class ResponseModeCheck implements AuthorizationCheck {
    @Override
    public void check(AuthorizationRequest request, ClientEntity client) {
        String mode = request.responseModeParameter();
        if (mode == null) {
            return;
        }
        ResponseMode requested = request.requestedResponseMode().orElseThrow(() ->
                OAuthError.invalidRequest("response_mode is not supported").toException());
        if (requested == ResponseMode.QUERY && request.responseType().map(ResponseType::carriesTokens).orElse(false)) {
            throw OAuthError.invalidRequest("response_mode query is not allowed for responses that carry tokens").toException();
        }
    }
}
