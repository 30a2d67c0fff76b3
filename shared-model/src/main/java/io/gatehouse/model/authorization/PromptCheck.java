package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;

/** OIDC Core 3.1.2.1: prompt values are none, login, consent, select_account; none with any other is invalid_request. */
public final class PromptCheck implements AuthorizationCheck {
    @Override
    public void check(AuthorizationRequest request, ClientEntity client) {
        for (String value : request.promptValues()) {
            if (Prompt.parse(value).isEmpty()) {
                throw OAuthError.invalidRequest("unknown prompt value").toException();
            }
        }
        if (request.hasPrompt(Prompt.NONE) && request.promptValues().size() > 1) {
            throw OAuthError.invalidRequest("prompt none cannot be combined with other values").toException();
        }
    }
}
