package io.gatehouse.token;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.entity.RefreshTokenEntity;
import io.gatehouse.model.token.AccessTokenValidator;
import io.gatehouse.model.token.AccessTokenValidator.InvalidAccessTokenException;
import io.gatehouse.model.token.AccessTokenValidator.ValidatedAccessToken;
import io.gatehouse.token.grant.GrantRevocation;
import io.gatehouse.token.grant.RefreshTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Token revocation (RFC 7009 2.1). A refresh token revokes its grant, and with it its whole family and every access
 * token of the grant (RFC 7009 2.1 SHOULD). An access token's jti goes on the deny-list ({@code revocations}) until it
 * would have expired. An unknown, malformed, expired or another client's token changes nothing (2.2: still 200).
 * token_type_hint only decides which kind is looked up first (2.1).
 */
@ApplicationScoped
public class TokenRevocation {

    @Inject
    RefreshTokens refreshTokens;
    @Inject
    GrantRevocation grants;
    @Inject
    AccessTokenValidator accessTokens;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;

    @Transactional
    public void revoke(String token, String hint, AuthenticatedClient client) {
        if ("access_token".equals(hint)) {
            if (!revokeAccessToken(token, client)) {
                revokeRefreshToken(token, client);
            }
        } else if (!revokeRefreshToken(token, client)) {
            revokeAccessToken(token, client);
        }
    }

    /** True when {@code token} is a refresh token (revoked if it is the client's). */
    private boolean revokeRefreshToken(String token, AuthenticatedClient client) {
        RefreshTokenEntity t = refreshTokens.find(token);
        if (t == null) {
            return false;
        }
        if (t.clientId.equals(client.clientId())) {
            grants.revoke(t.grantId);
            audit.record(new AuditEvent(AuditEvent.TOKEN_REVOKED, null, client.clientId(),
                    Map.of("token_type", "refresh_token", "grant_id", t.grantId.toString())));
        }
        return true;
    }

    /** True when {@code token} is a valid access token (denied if it is the client's). */
    private boolean revokeAccessToken(String token, AuthenticatedClient client) {
        ValidatedAccessToken t;
        try {
            t = accessTokens.validateStateless(token);
        } catch (InvalidAccessTokenException e) {
            return false;
        }
        if (t.clientId().equals(client.clientId())) {
            em.createNativeQuery("insert into revocations (jti, expires_at) values (?1, ?2) on conflict (jti) do nothing")
                    .setParameter(1, t.jti()).setParameter(2, t.exp()).executeUpdate();
            audit.record(new AuditEvent(AuditEvent.TOKEN_REVOKED, null, client.clientId(),
                    Map.of("token_type", "access_token", "jti", t.jti(), "grant_id", t.grantId().toString())));
        }
        return true;
    }
}
