package io.gatehouse.token.grant;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.RefreshTokenEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.keys.KeyEncryption;
import io.gatehouse.model.repository.RefreshTokenRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Refresh tokens: opaque 256-bit values stored as their SHA-256, rotated on every use (RFC 9700 4.14.2). A token's
 * successor is derived from its value (HMAC-SHA256 under a key derived from the key-encryption key), so the same
 * successor can be given again without ever storing it. Every step that decides is one conditional update, so
 * concurrent uses of one token cannot both rotate it:
 * <ol>
 *   <li>an unrotated token is rotated: exactly one request wins; its successor is created;</li>
 *   <li>an idempotent retry (issue 16.8): the token was rotated less than {@code gatehouse.refresh.grace-period} ago
 *       by the same request (same effective scope; the client is bound already) and its successor is still unused:
 *       the retry gets that same successor again (a lost response), never a second one, so the family never forks;</li>
 *   <li>any other use of a rotated token is reuse: the family and its grant are revoked and
 *       {@code refresh_token.reused} is audited, whoever presented it.</li>
 * </ol>
 * Callers run in a transaction that commits on {@link GrantReused}.
 */
@ApplicationScoped
public class RefreshTokens {

    static final String SUCCESSOR_KEY_LABEL = "gatehouse refresh-token successor v1";

    @Inject
    RefreshTokenRepository tokens;
    @Inject
    RefreshConfig config;
    @Inject
    GrantRevocation revocation;
    @Inject
    AuditTrail audit;
    @Inject
    KeyEncryption keys;

    /** The token value; null when unknown. */
    public RefreshTokenEntity find(String value) {
        return tokens.findById(Sha256.hash(value));
    }

    /** Issues the first token of a new family for {@code grantId}; returns its value. */
    public String issue(UUID grantId, String clientId, String scope, String dpopJkt) {
        return persist(RandomTokens.random256(), grantId, UUID.randomUUID(), clientId, scope, null, dpopJkt);
    }

    /**
     * The DPoP key a new refresh token is bound to: the proof's for a public client (RFC 9449 5); none for a
     * confidential client, whose refresh tokens its client authentication already constrains.
     */
    public static String boundKey(AuthenticatedClient client, String jkt) {
        return client.isPublic() ? jkt : null;
    }

    /**
     * Rotates {@code presented}, whose value is {@code value}, for a request with effective scope {@code scope} (see
     * the class comment); returns the successor's value.
     */
    public String rotate(String value, RefreshTokenEntity presented, String scope, UUID userId) {
        Instant now = Instant.now();
        String request = Sha256.hash(scope);
        String successor = successorValue(value);
        int rotated = tokens.update("rotatedAt = :now, rotationRequest = :request where tokenHash = :hash "
                        + "and rotatedAt is null and revokedAt is null",
                Parameters.with("now", now).and("request", request).and("hash", presented.tokenHash));
        if (rotated == 1) {
            return persist(successor, presented.grantId, presented.familyId, presented.clientId, presented.scope, presented.tokenHash,
                    presented.dpopJkt);
        }
        if (tokens.count("tokenHash = ?1 and revokedAt is null", presented.tokenHash) == 0) {
            throw OAuthError.invalidGrant("the refresh token has been revoked").toException();
        }
        // RFC 9700 4.14.2: only the same request again, inside the grace period, before the successor was used.
        int retried = tokens.update("retriedAt = :now where tokenHash = :hash and revokedAt is null "
                        + "and rotatedAt > :since and rotationRequest = :request and exists (select 1 from RefreshTokenEntity c "
                        + "where c.tokenHash = :successor and c.parentHash = :hash and c.rotatedAt is null and c.revokedAt is null)",
                Parameters.with("now", now).and("hash", presented.tokenHash).and("since", now.minus(config.gracePeriod()))
                        .and("request", request).and("successor", Sha256.hash(successor)));
        if (retried == 1) {
            return successor;
        }
        revocation.revoke(presented.grantId);
        audit.record(new AuditEvent(AuditEvent.REFRESH_TOKEN_REUSED, userId, presented.clientId,
                Map.of("grant_id", presented.grantId.toString(), "family_id", presented.familyId.toString())));
        throw new GrantReused("the refresh token was used already; its grant has been revoked");
    }

    /** The one successor of a token value: unpredictable without the deployment's key, the same at every replica. */
    String successorValue(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                keys.mac(SUCCESSOR_KEY_LABEL).tag(value.getBytes(StandardCharsets.US_ASCII)));
    }

    private String persist(String value, UUID grantId, UUID familyId, String clientId, String scope, String parentHash,
                           String dpopJkt) {
        RefreshTokenEntity t = new RefreshTokenEntity();
        t.tokenHash = Sha256.hash(value);
        t.grantId = grantId;
        t.familyId = familyId;
        t.clientId = clientId;
        t.scope = scope;
        t.createdAt = Instant.now();
        t.expiresAt = t.createdAt.plus(config.lifetime());
        t.parentHash = parentHash;
        t.dpopJkt = dpopJkt;
        tokens.persist(t);
        return value;
    }
}
