package io.gatehouse.token.grant;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import io.gatehouse.model.claims.ClaimsRequest;
import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.AuthorizationCodeEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.repository.AuthorizationCodeRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.UserRepository;
import io.gatehouse.model.subject.SubjectIdentifiers;
import io.gatehouse.model.token.AccessTokenIssuer;
import io.gatehouse.model.token.AccessTokenIssuer.IssuedAccessToken;
import io.gatehouse.model.token.IdTokenFactory;
import io.gatehouse.model.token.IdTokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * The authorization code grant (RFC 6749 4.1.3, OIDC Core 3.1.3): the code is checked (client, expiry, redirect_uri,
 * PKCE) and then consumed by one conditional update; a code presented again gets invalid_grant and its grant is
 * revoked, with every token issued from it (RFC 6749 4.1.2, 10.5). A failed check leaves the code unconsumed.
 */
@ApplicationScoped
public class AuthorizationCodeGrant implements GrantHandler {

    @Inject
    AuthorizationCodeRepository codes;
    @Inject
    GrantRepository grants;
    @Inject
    UserRepository users;
    @Inject
    CodeChecks checks;
    @Inject
    AccessTokenIssuer accessTokens;
    @Inject
    SubjectIdentifiers subjects;
    @Inject
    IdTokenFactory idTokens;
    @Inject
    RefreshTokens refreshTokens;
    @Inject
    GrantRevocation revocation;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;

    @Override
    public String grantType() {
        return "authorization_code";
    }

    @Override
    @Transactional(dontRollbackOn = GrantReused.class)
    public TokenResponse handle(TokenRequest request, AuthenticatedClient client) {
        String codeHash = Sha256.hash(request.required("code"));
        AuthorizationCodeEntity code = codes.findById(codeHash);
        if (code == null || !code.clientId.equals(client.clientId())) {
            throw OAuthError.invalidGrant("the authorization code is invalid").toException(); // RFC 6749 4.1.3
        }
        if (code.consumedAt != null) {
            throw reused(code);
        }
        checks.check(code, request, client);
        if (codes.update("consumedAt = ?1 where codeHash = ?2 and consumedAt is null", Instant.now(), codeHash) != 1) {
            throw reused(code); // another request redeemed it meanwhile
        }
        GrantEntity grant = grants.findById(code.grantId);
        UserEntity user = users.findById(code.userId);
        if (grant == null || grant.revokedAt != null || user == null || !user.enabled) {
            throw OAuthError.invalidGrant("the authorization is no longer valid").toException();
        }
        return issue(code, grant, user, client, request.dpopJkt());
    }

    private TokenResponse issue(AuthorizationCodeEntity code, GrantEntity grant, UserEntity user, AuthenticatedClient client,
                                String jkt) {
        Scope scope = Scope.parse(code.scope);
        IssuedAccessToken at = accessTokens.issue(subjects.subjectFor(client.client(), user.id), client.clientId(), code.scope, grant.id, code.authTime, code.acr, jkt);
        String idToken = !scope.contains(Scope.OPENID) ? null : idTokens.issue(new IdTokenRequest(client.client(), user,
                scope.tokens(), ClaimsRequest.fromJson(code.claims), code.nonce, code.authTime, code.acr, code.amr, code.sid,
                at.value(), null));
        String refreshToken = client.allowsGrantType(RefreshTokenGrant.TYPE)
                ? refreshTokens.issue(grant.id, client.clientId(), code.scope, RefreshTokens.boundKey(client, jkt)) : null;
        rememberSessionClient(code.sid, client.clientId());
        audit.recordAfterCommit(new AuditEvent(AuditEvent.TOKEN_ISSUED, user.id, client.clientId(),
                Map.of("grant_type", grantType(), "grant_id", grant.id.toString(), "scope", code.scope)));
        return TokenResponse.of(at, code.scope, refreshToken, idToken);
    }

    private GrantReused reused(AuthorizationCodeEntity code) {
        revocation.revoke(code.grantId);
        audit.record(new AuditEvent(AuditEvent.CODE_REUSED, code.userId, code.clientId, Map.of("grant_id", code.grantId.toString())));
        return new GrantReused("the authorization code was already used; the tokens issued from it are revoked");
    }

    /** The relying party took part in the session (target of logout), if authorize-service has not recorded it. */
    private void rememberSessionClient(String sid, String clientId) {
        if (sid != null) {
            em.createNativeQuery("insert into session_clients (sid, client_id) select ?1, ?2 "
                            + "where exists (select 1 from sessions where sid = ?1) on conflict do nothing")
                    .setParameter(1, sid).setParameter(2, clientId).executeUpdate();
        }
    }
}
