package io.gatehouse.token.grant;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.token.AccessTokenIssuer;
import io.gatehouse.model.token.AccessTokenIssuer.IssuedAccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The client credentials grant (RFC 6749 4.4): a confidential client gets an access token for itself (sub = client_id,
 * RFC 9068 2.2) within its registered scopes (all of them when it asks for none). A grants row without a user backs
 * the token, so it can be revoked; no refresh token (4.4.3) and no ID token.
 */
@ApplicationScoped
public class ClientCredentialsGrant implements GrantHandler {

    @Inject
    GrantRepository grants;
    @Inject
    AccessTokenIssuer accessTokens;
    @Inject
    AuditTrail audit;

    @Override
    public String grantType() {
        return "client_credentials";
    }

    @Override
    @Transactional
    public TokenResponse handle(TokenRequest request, AuthenticatedClient client) {
        if (client.isPublic()) {
            throw OAuthError.unauthorizedClient("client_credentials is for confidential clients only").toException(); // RFC 6749 4.4
        }
        Scope registered = Scope.parse(client.client().scope);
        Scope scope = request.optional("scope") == null ? registered : Scope.parse(request.optional("scope"));
        if (!scope.within(registered)) {
            throw OAuthError.invalidScope("the requested scope exceeds the client's registered scope").toException(); // RFC 6749 4.4.2
        }
        GrantEntity grant = new GrantEntity();
        grant.id = UUID.randomUUID();
        grant.clientId = client.clientId();
        grant.scope = scope.toString();
        grant.createdAt = Instant.now();
        IssuedAccessToken at = accessTokens.issue(client.clientId(), client.clientId(), grant.scope, grant.id, null, null,
                request.dpopJkt());
        grant.expiresAt = at.expiresAt();
        grants.persist(grant);
        audit.recordAfterCommit(new AuditEvent(AuditEvent.TOKEN_ISSUED, null, client.clientId(),
                Map.of("grant_type", grantType(), "grant_id", grant.id.toString(), "scope", grant.scope)));
        return TokenResponse.of(at, grant.scope, null, null);
    }
}
