package io.gatehouse.token.grant;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.RefreshTokenEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.repository.RefreshTokenRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Refresh tokens: opaque 256-bit values stored as their SHA-256, rotated on every use (RFC 9700 4.14.2). Every step
 * that decides is one conditional update, so concurrent uses of one token cannot both rotate it:
 * <ol>
 *   <li>an unrotated token is rotated: exactly one request wins and gets the successor;</li>
 *   <li>a token rotated less than {@code gatehouse.refresh.grace-period} ago whose successor was never used may be
 *       presented once more (a lost response): that retry gets a new successor and the unused one is revoked, so the
 *       family keeps one live token;</li>
 *   <li>other uses inside the grace period are invalid_grant and change nothing (duplicates of a request in flight);</li>
 *   <li>a rotated token presented after the grace period is a replay: the family and its grant are revoked.</li>
 * </ol>
 * Callers run in a transaction that commits on {@link GrantReused}.
 */
@ApplicationScoped
public class RefreshTokens {

    @Inject
    RefreshTokenRepository tokens;
    @Inject
    RefreshConfig config;
    @Inject
    GrantRevocation revocation;
    @Inject
    AuditTrail audit;

    /** The token value; null when unknown. */
    public RefreshTokenEntity find(String value) {
        return tokens.findById(Sha256.hash(value));
    }

    /** Issues the first token of a new family for {@code grantId}; returns its value. */
    public String issue(UUID grantId, String clientId, String scope) {
        return persist(grantId, UUID.randomUUID(), clientId, scope, null);
    }

    /** Rotates {@code presented} (see the class comment); returns the successor's value. */
    public String rotate(RefreshTokenEntity presented, UUID userId) {
        Instant now = Instant.now();
        int rotated = tokens.update("rotatedAt = :now where tokenHash = :hash and rotatedAt is null and revokedAt is null",
                Parameters.with("now", now).and("hash", presented.tokenHash));
        if (rotated == 1) {
            return successorOf(presented);
        }
        Instant graceStart = now.minus(config.gracePeriod());
        int retried = tokens.update("retriedAt = :now where tokenHash = :hash and revokedAt is null and retriedAt is null "
                        + "and rotatedAt > :since and not exists (select 1 from RefreshTokenEntity c "
                        + "where c.parentHash = :hash and c.rotatedAt is not null)",
                Parameters.with("now", now).and("hash", presented.tokenHash).and("since", graceStart));
        if (retried == 1) {
            tokens.update("revokedAt = ?1 where parentHash = ?2 and revokedAt is null", now, presented.tokenHash);
            return successorOf(presented);
        }
        if (tokens.count("tokenHash = ?1 and revokedAt is null and rotatedAt > ?2", presented.tokenHash, graceStart) > 0) {
            throw OAuthError.invalidGrant("the refresh token was used already").toException();
        }
        if (tokens.count("tokenHash = ?1 and revokedAt is null", presented.tokenHash) == 0) {
            throw OAuthError.invalidGrant("the refresh token has been revoked").toException();
        }
        revocation.revoke(presented.grantId);
        audit.record(new AuditEvent(AuditEvent.REFRESH_TOKEN_REUSED, userId, presented.clientId,
                Map.of("grant_id", presented.grantId.toString(), "family_id", presented.familyId.toString())));
        throw new GrantReused("the refresh token was used already; its grant has been revoked");
    }

    private String successorOf(RefreshTokenEntity presented) {
        return persist(presented.grantId, presented.familyId, presented.clientId, presented.scope, presented.tokenHash);
    }

    private String persist(UUID grantId, UUID familyId, String clientId, String scope, String parentHash) {
        String value = RandomTokens.random256();
        RefreshTokenEntity t = new RefreshTokenEntity();
        t.tokenHash = Sha256.hash(value);
        t.grantId = grantId;
        t.familyId = familyId;
        t.clientId = clientId;
        t.scope = scope;
        t.createdAt = Instant.now();
        t.expiresAt = t.createdAt.plus(config.lifetime());
        t.parentHash = parentHash;
        tokens.persist(t);
        return value;
    }
}
