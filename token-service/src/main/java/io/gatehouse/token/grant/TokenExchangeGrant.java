package io.gatehouse.token.grant;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.NumericDate;
import io.gatehouse.model.keys.TokenVerifier;
import io.gatehouse.model.registration.TokenExchangePolicy;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.UserRepository;
import io.gatehouse.model.subject.SubjectIdentifiers;
import io.gatehouse.model.token.AccessTokenClaims;
import io.gatehouse.model.token.AccessTokenIssuer.IssuedAccessToken;
import io.gatehouse.model.token.AccessTokenIssuer;
import io.gatehouse.model.token.AccessTokenValidator.InvalidAccessTokenException;
import io.gatehouse.model.token.AccessTokenValidator.ValidatedAccessToken;
import io.gatehouse.model.token.AccessTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Token exchange (RFC 8693): a client trades an access token or ID token issued here (the subject_token) for an access
 * token for the same end-user, narrowed in scope and aimed at an audience. Without an actor_token it impersonates
 * the subject (1.1); with one it acts for the subject and the new token says so in {@code act}, nesting the actors
 * of the subject token (4.1). Who may exchange what is the client's operator-set {@link TokenExchangePolicy}; by
 * default nobody. The new grant remembers the subject's, so revoking that revokes the exchanged token too.
 */
@ApplicationScoped
public class TokenExchangeGrant implements GrantHandler {

    public static final String TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    /** RFC 8693 3: token type identifiers. */
    public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    public static final String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
    static final Set<String> PRESENTABLE_TYPES = Set.of(ACCESS_TOKEN_TYPE, ID_TOKEN_TYPE);

    @Inject
    AccessTokenValidator accessTokens;
    @Inject
    TokenVerifier verifier;
    @Inject
    AccessTokenIssuer issuer;
    @Inject
    GrantRepository grants;
    @Inject
    UserRepository users;
    @Inject
    ClientRepository clients;
    @Inject
    SubjectIdentifiers subjects;
    @Inject
    GatehouseConfig config;
    @Inject
    AuditTrail audit;

    /** A token presented as subject_token or actor_token, once accepted: its user, client, scope, grant and actor. */
    record Presented(UUID userId, String sub, String clientId, Scope scope, UUID grantId, Map<String, Object> act) {
    }

    @Override
    public String grantType() {
        return TYPE;
    }

    @Override
    @Transactional
    public TokenResponse handle(TokenRequest request, AuthenticatedClient client) {
        TokenExchangePolicy policy = TokenExchangePolicy.of(client.client().metadata);
        String requested = request.optional("requested_token_type");
        if (requested != null && !ACCESS_TOKEN_TYPE.equals(requested)) {
            throw OAuthError.invalidRequest("only access tokens are issued by token exchange").toException(); // 2.2.2
        }
        Presented subject = presented(request.required("subject_token"), request.required("subject_token_type"), policy,
                "subject_token");
        String actorToken = request.optional("actor_token");
        String actorType = request.optional("actor_token_type");
        if (actorToken == null && actorType != null) {
            throw OAuthError.invalidRequest("actor_token_type without actor_token").toException(); // 2.1
        }
        Map<String, Object> act;
        if (actorToken == null) {
            if (!policy.impersonation()) {
                throw OAuthError.invalidRequest("the client may not impersonate: send an actor_token").toException();
            }
            act = subject.act(); // earlier delegation stays on record
        } else {
            if (actorType == null) {
                throw OAuthError.invalidRequest("actor_token_type is required with actor_token").toException(); // 2.1
            }
            if (!policy.delegation()) {
                throw OAuthError.invalidRequest("the client may not act for others").toException();
            }
            Presented actor = presented(actorToken, actorType, policy, "actor_token");
            act = new LinkedHashMap<>();
            act.put("sub", actor.sub());
            act.put("client_id", actor.clientId());
            if (subject.act() != null) {
                act.put("act", subject.act()); // 4.1: the prior actors, nested
            }
        }
        List<String> audience = audience(request, policy);
        Scope scope = request.optional("scope") == null ? subject.scope() : Scope.parse(request.optional("scope"));
        if (!scope.within(subject.scope()) || !scope.within(Scope.parse(client.client().scope))) {
            throw OAuthError.invalidScope("the scope exceeds the subject token's or the client's").toException(); // 2.2.2
        }
        UserEntity user = users.findById(subject.userId());
        if (user == null || !user.enabled) {
            throw OAuthError.invalidRequest("the subject_token's end-user is not active").toException();
        }
        GrantEntity grant = new GrantEntity();
        grant.id = UUID.randomUUID();
        grant.userId = user.id;
        grant.clientId = client.clientId();
        grant.scope = scope.toString();
        grant.createdAt = Instant.now();
        grant.exchangedFrom = subject.grantId();
        IssuedAccessToken at = issuer.issue(subjects.subjectFor(client.client(), user.id), client.clientId(), grant.scope,
                grant.id, null, null, request.dpopJkt(), audience, act);
        grant.expiresAt = at.expiresAt();
        grants.persist(grant);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("grant_type", TYPE);
        details.put("grant_id", grant.id.toString());
        details.put("scope", grant.scope);
        details.put("subject_client_id", subject.clientId());
        details.put("audience", String.join(" ", audience));
        if (act != null) {
            details.put("actor", String.valueOf(act.get("sub")));
        }
        audit.record(new AuditEvent(AuditEvent.TOKEN_EXCHANGED, user.id, client.clientId(), details));
        return TokenResponse.of(at, grant.scope, null, null).withIssuedTokenType(ACCESS_TOKEN_TYPE);
    }

    /** RFC 8693 2.1: audience (a logical name) or resource (an absolute URI, RFC 8707 2), each allowed by the policy. */
    List<String> audience(TokenRequest request, TokenExchangePolicy policy) {
        String audience = request.optional("audience");
        String resource = request.optional("resource");
        if (resource != null) {
            URI uri;
            try {
                uri = new URI(resource);
            } catch (java.net.URISyntaxException e) {
                throw new OAuthError("invalid_target", "resource must be an absolute URI", 400).toException();
            }
            if (!uri.isAbsolute() || uri.getFragment() != null) {
                throw new OAuthError("invalid_target", "resource must be an absolute URI without fragment", 400).toException();
            }
        }
        List<String> wanted = new java.util.ArrayList<>();
        if (audience != null) {
            wanted.add(audience);
        }
        if (resource != null && !resource.equals(audience)) {
            wanted.add(resource);
        }
        if (wanted.isEmpty()) {
            return List.of(config.issuer());
        }
        for (String a : wanted) {
            if (!a.equals(config.issuer()) && !policy.audiences().contains(a)) {
                throw new OAuthError("invalid_target", "the client may not obtain tokens for " + a, 400).toException(); // 2.2.2
            }
        }
        return List.copyOf(wanted);
    }

    /**
     * A subject or actor token: an unrevoked access token of an end-user or a live ID token, issued here to a client
     * the policy names. RFC 8693 2.2.2: anything else is invalid_request.
     */
    Presented presented(String token, String type, TokenExchangePolicy policy, String name) {
        if (!PRESENTABLE_TYPES.contains(type)) {
            throw OAuthError.invalidRequest(name + "_type is not supported").toException();
        }
        Presented p = ACCESS_TOKEN_TYPE.equals(type) ? fromAccessToken(token, name) : fromIdToken(token, name);
        if (!policy.allowsSubjectClient(p.clientId())) {
            throw OAuthError.invalidRequest("the client may not exchange tokens issued to " + p.clientId()).toException();
        }
        return p;
    }

    private Presented fromAccessToken(String token, String name) {
        ValidatedAccessToken t;
        try {
            t = accessTokens.validate(token);
        } catch (InvalidAccessTokenException e) {
            throw OAuthError.invalidRequest(name + " is invalid: " + e.getMessage()).toException();
        }
        GrantEntity grant = grants.findById(t.grantId());
        if (grant == null || grant.userId == null) {
            throw OAuthError.invalidRequest(name + " is not an end-user's token").toException();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> act = t.claims().get(AccessTokenClaims.ACT) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        return new Presented(grant.userId, t.sub(), t.clientId(), new Scope(t.scopes()), grant.id, act);
    }

    private Presented fromIdToken(String token, String name) {
        Map<String, Object> c;
        try {
            TokenVerifier.VerifiedToken v = verifier.verify(token);
            if (!"JWT".equals(v.typ())) {
                throw new InvalidJwsException("not an ID token");
            }
            c = v.claims();
        } catch (InvalidJwsException e) {
            throw OAuthError.invalidRequest(name + " is not an ID token issued here").toException();
        }
        Instant exp = NumericDate.toInstant(c.get("exp"));
        if (!config.issuer().equals(c.get("iss")) || exp == null || !exp.isAfter(Instant.now())
                || !(c.get("sub") instanceof String sub) || !(c.get("aud") instanceof String || c.get("aud") instanceof List<?>)) {
            throw OAuthError.invalidRequest(name + " is expired or not an ID token issued here").toException();
        }
        String clientId = c.get("azp") instanceof String azp ? azp
                : c.get("aud") instanceof String a ? a : String.valueOf(((List<?>) c.get("aud")).get(0));
        ClientEntity audClient = clients.findById(clientId);
        UUID userId;
        try {
            userId = UUID.fromString(sub);
        } catch (IllegalArgumentException e) {
            userId = null;
        }
        if (audClient == null || userId == null || !subjects.subjectFor(audClient, userId).equals(sub)) {
            // A pairwise sub names its user only with a candidate to check; ID tokens of pairwise clients are refused.
            throw OAuthError.invalidRequest(name + " does not name an end-user this server can identify").toException();
        }
        return new Presented(userId, sub, clientId, Scope.parse(Scope.OPENID), null, null);
    }
}
