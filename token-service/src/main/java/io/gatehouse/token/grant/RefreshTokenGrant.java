package io.gatehouse.token.grant;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import io.gatehouse.model.claims.ClaimsRequest;
import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.RefreshTokenEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.UserRepository;
import io.gatehouse.model.subject.SubjectIdentifiers;
import io.gatehouse.model.token.AccessTokenIssuer;
import io.gatehouse.model.token.AccessTokenIssuer.IssuedAccessToken;
import io.gatehouse.model.token.IdTokenFactory;
import io.gatehouse.model.token.IdTokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The refresh token grant (RFC 6749 6, OIDC Core 12): the token is bound to its client, valid while its grant is
 * (and, without offline_access, while its SSO session is), rotated on every use ({@link RefreshTokens}). The scope may
 * be narrowed for the new access token, never widened; the new refresh token keeps the original scope (RFC 6749 6).
 * With openid, a new ID token with the same sub and auth_time and no nonce (OIDC Core 12.2).
 */
@ApplicationScoped
public class RefreshTokenGrant implements GrantHandler {

    public static final String TYPE = "refresh_token";

    @Inject
    RefreshTokens refreshTokens;
    @Inject
    GrantRepository grants;
    @Inject
    UserRepository users;
    @Inject
    SessionState sessions;
    @Inject
    AccessTokenIssuer accessTokens;
    @Inject
    SubjectIdentifiers subjects;
    @Inject
    IdTokenFactory idTokens;
    @Inject
    AuditTrail audit;

    @Override
    public String grantType() {
        return TYPE;
    }

    @Override
    @Transactional(dontRollbackOn = GrantReused.class)
    public TokenResponse handle(TokenRequest request, AuthenticatedClient client) {
        String presentedValue = request.required("refresh_token");
        RefreshTokenEntity presented = refreshTokens.find(presentedValue);
        if (presented == null || !presented.clientId.equals(client.clientId())) {
            // OIDC Core 12.1, RFC 6749 6: bound to the client it was issued to; another client learns nothing.
            throw OAuthError.invalidGrant("the refresh token is invalid").toException();
        }
        if (presented.revokedAt != null || !presented.expiresAt.isAfter(Instant.now())) {
            throw OAuthError.invalidGrant("the refresh token has expired or been revoked").toException();
        }
        GrantEntity grant = grants.findById(presented.grantId);
        UserEntity user = grant == null || grant.userId == null ? null : users.findById(grant.userId);
        if (grant == null || grant.revokedAt != null || user == null || !user.enabled || !sessions.allowsRefresh(grant)) {
            throw OAuthError.invalidGrant("the authorization behind the refresh token has ended").toException();
        }
        Scope original = Scope.parse(presented.scope);
        Scope scope = request.optional("scope") == null ? original : Scope.parse(request.optional("scope"));
        if (!scope.within(original)) {
            throw OAuthError.invalidScope("the requested scope exceeds the scope originally granted").toException(); // RFC 6749 6
        }
        if (presented.dpopJkt != null && !presented.dpopJkt.equals(request.dpopJkt())) {
            // RFC 9449 5: a public client's refresh token is bound to its DPoP key; without that key it is useless.
            throw OAuthError.invalidGrant("the refresh token is bound to a DPoP key; the request's proof is missing or by another key")
                    .toException();
        }
        String next = refreshTokens.rotate(presentedValue, presented, scope.toString(), user.id);
        return issue(grant, user, client, scope, next, request.dpopJkt());
    }

    private TokenResponse issue(GrantEntity grant, UserEntity user, AuthenticatedClient client, Scope scope, String refreshToken,
                                String jkt) {
        Optional<SessionEntity> session = sessions.session(grant);
        String acr = session.map(s -> s.acr).orElse(null);
        IssuedAccessToken at = accessTokens.issue(subjects.subjectFor(client.client(), user.id), client.clientId(), scope.toString(), grant.id, grant.authTime, acr, jkt);
        String idToken = !scope.contains(Scope.OPENID) ? null : idTokens.issue(new IdTokenRequest(client.client(), user,
                scope.tokens(), ClaimsRequest.fromJson(grant.claims), null, grant.authTime, acr,
                session.map(s -> s.amr).orElse(null), grant.sid, at.value(), null));
        audit.recordAfterCommit(new AuditEvent(AuditEvent.TOKEN_ISSUED, user.id, client.clientId(),
                Map.of("grant_type", TYPE, "grant_id", grant.id.toString(), "scope", scope.toString())));
        return TokenResponse.of(at, scope.toString(), refreshToken, idToken);
    }
}
