package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;

/**
 * One rule of the authorization endpoint, judged once the client and its redirect_uri are verified: a broken
 * rule throws {@code OAuthError.xxx(...).toException()}, which is returned to the client's redirect_uri.
 */
@FunctionalInterface
public interface AuthorizationCheck {

    void check(AuthorizationRequest request, ClientEntity client);
}
