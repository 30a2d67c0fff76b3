package io.gatehouse.token.grant;

import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.error.OAuthException;

/**
 * invalid_grant after a replay was detected and its grant revoked. Grant handlers are transactional with
 * {@code dontRollbackOn = GrantReused.class}: the revocation (and its audit event) commits although the request fails.
 * Throw it only when nothing else was written in the transaction.
 */
public class GrantReused extends OAuthException {
    public GrantReused(String description) {
        super(OAuthError.invalidGrant(description));
    }
}
