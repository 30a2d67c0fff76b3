package io.gatehouse.token.grant;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import io.gatehouse.model.claims.ClaimsRequest;
import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.DeviceCodeEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.repository.DeviceCodeRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.UserRepository;
import io.gatehouse.model.subject.SubjectIdentifiers;
import io.gatehouse.model.token.AccessTokenIssuer;
import io.gatehouse.model.token.AccessTokenIssuer.IssuedAccessToken;
import io.gatehouse.model.token.IdTokenFactory;
import io.gatehouse.model.token.IdTokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * The device code grant (RFC 8628 3.4, 3.5): the device polls with its device code; the answer follows the code's
 * state ({@link DevicePoll}). The row is locked for the poll (SELECT ... FOR UPDATE), so concurrent polls of an
 * approved code give one token response and invalid_grant to the others. Every answer records the poll (its time,
 * the grown interval), so the transaction commits on the protocol's errors. Tokens as for a code: an access token, a
 * refresh token when the client registered that grant, an ID token with openid (no nonce: the device request has none).
 */
@ApplicationScoped
public class DeviceCodeGrant implements GrantHandler {

    public static final String TYPE = "urn:ietf:params:oauth:grant-type:device_code";

    @Inject
    DeviceCodeRepository devices;
    @Inject
    GrantRepository grants;
    @Inject
    UserRepository users;
    @Inject
    AccessTokenIssuer accessTokens;
    @Inject
    SubjectIdentifiers subjects;
    @Inject
    IdTokenFactory idTokens;
    @Inject
    RefreshTokens refreshTokens;
    @Inject
    AuditTrail audit;

    @Override
    public String grantType() {
        return TYPE;
    }

    @Override
    @Transactional(dontRollbackOn = OAuthException.class)
    public TokenResponse handle(TokenRequest request, AuthenticatedClient client) {
        DeviceCodeEntity code = devices.findById(Sha256.hash(request.required("device_code")), LockModeType.PESSIMISTIC_WRITE);
        if (code == null || !code.clientId.equals(client.clientId())) {
            throw OAuthError.invalidGrant("the device code is invalid").toException(); // RFC 8628 3.5, RFC 6749 5.2
        }
        Instant now = Instant.now();
        DevicePoll poll = DevicePoll.of(code.status, code.expiresAt, code.lastPolledAt, code.intervalSeconds, now);
        code.lastPolledAt = now;
        if (poll == DevicePoll.SLOW_DOWN) {
            code.intervalSeconds += DevicePoll.SLOW_DOWN_STEP_SECONDS;
        }
        if (poll != DevicePoll.ISSUE) {
            throw poll.error().toException();
        }
        code.status = DeviceCodeEntity.CONSUMED;
        GrantEntity grant = code.grantId == null ? null : grants.findById(code.grantId);
        UserEntity user = code.userId == null ? null : users.findById(code.userId);
        if (grant == null || grant.revokedAt != null || user == null || !user.enabled) {
            throw OAuthError.invalidGrant("the authorization is no longer valid").toException();
        }
        return issue(code, grant, user, client, request.dpopJkt());
    }

    private TokenResponse issue(DeviceCodeEntity code, GrantEntity grant, UserEntity user, AuthenticatedClient client,
                                String jkt) {
        Scope scope = Scope.parse(grant.scope);
        IssuedAccessToken at = accessTokens.issue(subjects.subjectFor(client.client(), user.id), client.clientId(), grant.scope, grant.id, code.authTime, code.acr, jkt);
        String idToken = !scope.contains(Scope.OPENID) ? null : idTokens.issue(new IdTokenRequest(client.client(), user,
                scope.tokens(), ClaimsRequest.NONE, null, code.authTime, code.acr, code.amr, code.sid, at.value(), null));
        String refreshToken = client.allowsGrantType(RefreshTokenGrant.TYPE)
                ? refreshTokens.issue(grant.id, client.clientId(), grant.scope, RefreshTokens.boundKey(client, jkt)) : null;
        audit.recordAfterCommit(new AuditEvent(AuditEvent.TOKEN_ISSUED, user.id, client.clientId(),
                Map.of("grant_type", TYPE, "grant_id", grant.id.toString(), "scope", grant.scope)));
        return TokenResponse.of(at, grant.scope, refreshToken, idToken);
    }
}
