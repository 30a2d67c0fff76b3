package io.gatehouse.authorize;

import io.gatehouse.model.authorization.AuthorizationRequest;
import io.gatehouse.model.authorization.AuthorizationResponse;
import io.gatehouse.model.authorization.PkceCheck;
import io.gatehouse.model.authorization.ResponseType;
import io.gatehouse.model.claims.ClaimsRequest;
import io.gatehouse.model.client.ResponseEncryption;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.config.TokensConfig;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.AuthorizationCodeEntity;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.registration.EncryptedJwt;
import io.gatehouse.model.repository.AuthorizationCodeRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.subject.SubjectIdentifiers;
import io.gatehouse.model.token.AccessTokenIssuer;
import io.gatehouse.model.token.IdTokenFactory;
import io.gatehouse.model.token.IdTokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues the successful authorization response (RFC 6749 4.1.2, 4.2.2; OIDC Core 3.1.2.5, 3.2.2.5, 3.3.2.5): the
 * grant, the authorization code (stored hashed, bound as the brief's contract says), access and ID tokens for the
 * implicit and hybrid flows, and the session's relying-party row. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ResponseIssuer {

    @Inject
    GrantRepository grants;
    @Inject
    AuthorizationCodeRepository codes;
    @Inject
    AccessTokenIssuer accessTokens;
    @Inject
    SubjectIdentifiers subjects;
    @Inject
    IdTokenFactory idTokens;
    @Inject
    TokensConfig tokens;
    @Inject
    GatehouseConfig config;
    @Inject
    Sessions sessions;
    @Inject
    ResponseEncryption encryption;

    public AuthorizationResponse issue(AuthorizationRequest request, ClientEntity client, String redirectUri,
                                       UserEntity user, SessionEntity session, List<String> scopes) {
        ResponseType type = request.responseType().orElseThrow();
        if (type.hasIdToken()) {
            encryption.requireKey(client, EncryptedJwt.ID_TOKEN); // refused before anything is written
        }
        Instant now = Instant.now();
        String scope = String.join(" ", scopes);
        ClaimsRequest claims = request.claims();
        Map<String, Object> claimsJson = claims.isEmpty() ? null : claims.toJson();

        GrantEntity grant = new GrantEntity();
        grant.id = UUID.randomUUID();
        grant.userId = user.id;
        grant.clientId = client.clientId;
        grant.scope = scope;
        grant.sid = session.sid;
        grant.offline = scopes.contains(AuthorizationRequest.OFFLINE_ACCESS);
        grant.authTime = session.authTime;
        grant.claims = claimsJson;
        grant.createdAt = now;
        grants.persist(grant);

        Map<String, String> p = new LinkedHashMap<>();
        String code = null;
        if (type.hasCode()) {
            code = RandomTokens.random256();
            AuthorizationCodeEntity c = new AuthorizationCodeEntity();
            c.codeHash = Sha256.hash(code);
            c.clientId = client.clientId;
            c.userId = user.id;
            c.redirectUri = redirectUri; // as sent, or the one registered when the request had none
            c.scope = scope;
            c.nonce = request.nonce();
            c.codeChallenge = request.codeChallenge();
            c.codeChallengeMethod = PkceCheck.effectiveMethod(request);
            c.dpopJkt = request.dpopJkt(); // RFC 9449 10
            c.claims = claimsJson;
            c.authTime = session.authTime;
            c.acr = session.acr;
            c.amr = new ArrayList<>(session.amr);
            c.sid = session.sid;
            c.grantId = grant.id;
            c.createdAt = now;
            c.expiresAt = now.plus(tokens.authorizationCodeLifetime());
            codes.persist(c);
            p.put("code", code);
        }
        String accessToken = null;
        if (type.hasToken()) {
            AccessTokenIssuer.IssuedAccessToken t = accessTokens.issue(subjects.subjectFor(client, user.id), client.clientId, scope, grant.id,
                    session.authTime, session.acr);
            accessToken = t.value();
            p.put("access_token", accessToken);
            p.put("token_type", "Bearer");
            p.put("expires_in", Long.toString(t.expiresIn()));
            if (!scopes.equals(request.scopes())) {
                p.put("scope", scope); // RFC 6749 4.2.2: required when it differs from the request
            }
        }
        if (type.hasIdToken()) {
            p.put("id_token", idTokens.issue(new IdTokenRequest(client, user, new LinkedHashSet<>(scopes), claims,
                    request.nonce(), session.authTime, session.acr, session.amr, session.sid, accessToken, code)));
        }
        p.put("state", request.state());
        p.put("iss", config.issuer()); // RFC 9207 2
        sessions.addClient(session.sid, client.clientId);
        return new AuthorizationResponse(redirectUri, request.responseMode(), p);
    }
}
