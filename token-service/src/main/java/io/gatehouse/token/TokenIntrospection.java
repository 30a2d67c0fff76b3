package io.gatehouse.token;

import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.RefreshTokenEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.UserRepository;
import io.gatehouse.model.subject.SubjectIdentifiers;
import io.gatehouse.model.token.AccessTokenClaims;
import io.gatehouse.model.token.AccessTokenValidator;
import io.gatehouse.model.token.AccessTokenValidator.InvalidAccessTokenException;
import io.gatehouse.model.token.AccessTokenValidator.ValidatedAccessToken;
import io.gatehouse.token.grant.RefreshTokens;
import io.gatehouse.token.grant.SessionState;
import io.gatehouse.token.grant.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Token introspection (RFC 7662 2.2). Access tokens are validated as a resource server would
 * ({@link AccessTokenValidator}: signature, expiry, grant and jti revocation) and may be introspected by any
 * confidential client (resource servers are clients). Refresh tokens are looked up by hash and are shown only to the
 * client they were issued to. Anything expired, revoked, rotated, unknown or malformed is {@code active: false},
 * with nothing else (2.2); so is a token whose client is disabled or whose user is disabled.
 */
@ApplicationScoped
public class TokenIntrospection {

    static final Map<String, Object> INACTIVE = Map.of("active", false);

    @Inject
    AccessTokenValidator accessTokens;
    @Inject
    RefreshTokens refreshTokens;
    @Inject
    GrantRepository grants;
    @Inject
    SessionState sessions;
    @Inject
    GatehouseConfig config;
    @Inject
    ClientRepository clients;
    @Inject
    UserRepository users;
    @Inject
    SubjectIdentifiers subjects;

    @Transactional
    public Map<String, Object> introspect(String token, String hint, AuthenticatedClient client) {
        Optional<Map<String, Object>> answer = "refresh_token".equals(hint)
                ? refreshToken(token, client).or(() -> accessToken(token))
                : accessToken(token).or(() -> refreshToken(token, client));
        return answer.orElse(INACTIVE);
    }

    private Optional<Map<String, Object>> accessToken(String token) {
        ValidatedAccessToken t;
        try {
            t = accessTokens.validate(token);
        } catch (InvalidAccessTokenException e) {
            return Optional.empty();
        }
        boolean forClient = t.sub().equals(t.clientId()); // client_credentials (RFC 9068 2.2)
        UUID user = forClient ? null : userOf(t);
        if ((!forClient && user == null) || !partiesEnabled(t.clientId(), user)) {
            return Optional.of(INACTIVE);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("active", true);
        m.put("scope", t.claims().get("scope"));
        m.put("client_id", t.clientId());
        m.put("sub", t.sub());
        m.put("exp", t.exp().getEpochSecond());
        m.put("iat", t.iat() == null ? null : t.iat().getEpochSecond());
        m.put("iss", t.claims().get("iss"));
        m.put("aud", t.claims().get("aud"));
        m.put("token_type", t.jkt() == null ? TokenResponse.BEARER : TokenResponse.DPOP);
        if (t.jkt() != null) {
            m.put(AccessTokenClaims.CNF, Map.of(AccessTokenClaims.JKT, t.jkt())); // RFC 9449 6.2
        }
        m.put("jti", t.jti());
        m.values().removeIf(v -> v == null || "".equals(v));
        return Optional.of(m);
    }

    private Optional<Map<String, Object>> refreshToken(String token, AuthenticatedClient client) {
        RefreshTokenEntity t = refreshTokens.find(token);
        if (t == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        GrantEntity grant = grants.findById(t.grantId);
        boolean active = t.clientId.equals(client.clientId()) && t.revokedAt == null && t.rotatedAt == null
                && t.expiresAt.isAfter(now) && grant != null && grant.revokedAt == null && grant.userId != null
                && sessions.allowsRefresh(grant) && partiesEnabled(t.clientId, grant.userId);
        if (!active) {
            return Optional.of(INACTIVE);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("active", true);
        m.put("scope", t.scope);
        m.put("client_id", t.clientId);
        m.put("sub", subjects.subjectFor(clients.findById(t.clientId), grant.userId)); // OIDC Core 8
        m.put("exp", t.expiresAt.getEpochSecond());
        m.put("iat", t.createdAt.getEpochSecond());
        m.put("iss", config.issuer());
        return Optional.of(m);
    }

    /** The token's client, and its user when it has one, still exist and are enabled. */
    private boolean partiesEnabled(String clientId, UUID userId) {
        ClientEntity client = clients.findById(clientId);
        if (client == null || !client.enabled) {
            return false;
        }
        UserEntity user = userId == null ? null : users.findById(userId);
        return userId == null || (user != null && user.enabled);
    }

    /**
     * The user of an access token: its sub for public clients; for pairwise clients (OIDC Core 8.1) the grant's user,
     * provided the token's sub is what that client sees for it.
     */
    private UUID userOf(ValidatedAccessToken t) {
        UUID direct = parseUuid(t.sub());
        if (direct != null) {
            return direct;
        }
        GrantEntity grant = grants.findById(t.grantId());
        ClientEntity client = clients.findById(t.clientId());
        if (grant == null || grant.userId == null || client == null
                || !subjects.subjectFor(client, grant.userId).equals(t.sub())) {
            return null;
        }
        return grant.userId;
    }

    private static UUID parseUuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
