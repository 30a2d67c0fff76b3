package io.gatehouse.token.grant;

import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.RefreshTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Revokes a grant and so every token issued from it: access tokens carry the grant_id (refused by
 * {@code AccessTokenValidator} once the grant is revoked) and its refresh tokens are marked revoked.
 */
@ApplicationScoped
public class GrantRevocation {

    @Inject
    GrantRepository grants;
    @Inject
    RefreshTokenRepository refreshTokens;

    @Transactional
    public void revoke(UUID grantId) {
        Instant now = Instant.now();
        grants.update("revokedAt = ?1 where id = ?2 and revokedAt is null", now, grantId);
        refreshTokens.update("revokedAt = ?1 where grantId = ?2 and revokedAt is null", now, grantId);
    }
}
