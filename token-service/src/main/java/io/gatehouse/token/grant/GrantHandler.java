package io.gatehouse.token.grant;

import io.gatehouse.model.client.AuthenticatedClient;

/**
 * One grant type of the token endpoint (RFC 6749 4.1.3, 4.4.2, 6; RFC 8628 3.4). Implementations are CDI beans,
 * found by {@link GrantHandlers}; each throws {@code OAuthError...toException()} for the spec's errors.
 */
public interface GrantHandler {

    /** The grant_type value this handler serves. */
    String grantType();

    /** Issues tokens for {@code request} by the authenticated {@code client}, which registered this grant type. */
    TokenResponse handle(TokenRequest request, AuthenticatedClient client);
}
