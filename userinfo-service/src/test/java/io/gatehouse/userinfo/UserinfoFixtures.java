package io.gatehouse.userinfo;

import io.gatehouse.model.claims.ClaimsRequest;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.RevocationEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.keys.TokenSigner;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.RevocationRepository;
import io.gatehouse.model.repository.UserRepository;
import io.gatehouse.model.token.AccessTokenIssuer.IssuedAccessToken;
import io.gatehouse.model.token.AccessTokenIssuer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Clients, users, grants and access tokens for userinfo tests; tokens are minted directly with the signer. */
@ApplicationScoped
public class UserinfoFixtures {

    @Inject
    ClientRepository clients;
    @Inject
    UserRepository users;
    @Inject
    GrantRepository grants;
    @Inject
    RevocationRepository revocations;
    @Inject
    AccessTokenIssuer issuer;
    @Inject
    TokenSigner signer;

    /** The attributes of alice in deploy/local/bootstrap/bootstrap.yaml. */
    public static Map<String, Object> alice() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("cn", "Alice Liddell");
        a.put("givenName", "Alice");
        a.put("sn", "Liddell");
        a.put("uid", "alice");
        a.put("mail", "alice@example.com");
        a.put("emailVerified", true);
        a.put("telephoneNumber", "+1 555 0100");
        a.put("preferredLanguage", "en-GB");
        a.put("postalAddress", "1 Rabbit Hole, Oxford OX1 1AA, UK");
        a.put("street", "1 Rabbit Hole");
        a.put("l", "Oxford");
        a.put("st", "Oxfordshire");
        a.put("postalCode", "OX1 1AA");
        a.put("c", "GB");
        return a;
    }

    public String client(Map<String, Object> metadata) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientEntity c = new ClientEntity();
            c.clientId = "rp-" + UUID.randomUUID();
            c.scope = "openid profile email address phone";
            c.metadata = new HashMap<>(metadata);
            clients.persist(c);
            return c.clientId;
        });
    }

    public UserEntity user(Map<String, Object> attributes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UserEntity u = new UserEntity();
            u.id = UUID.randomUUID();
            u.username = "user-" + u.id;
            u.attributes = new HashMap<>(attributes);
            u.updatedAt = Instant.ofEpochSecond(1_700_000_000L);
            users.persist(u);
            return u;
        });
    }

    public UUID grant(UUID userId, String clientId, String scope, String claimsParameter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            GrantEntity g = new GrantEntity();
            g.id = UUID.randomUUID();
            g.userId = userId;
            g.clientId = clientId;
            g.scope = scope;
            g.authTime = Instant.now();
            g.claims = claimsParameter == null ? null : ClaimsRequest.parse(claimsParameter).toJson();
            grants.persist(g);
            return g.id;
        });
    }

    /** A user with {@code attributes}, a client, a grant of {@code scope} and an access token for it. */
    public Minted accessToken(Map<String, Object> attributes, String scope, String claimsParameter, Map<String, Object> clientMetadata) {
        UserEntity user = user(attributes);
        String client = client(clientMetadata);
        UUID grant = grant(user.id, client, scope, claimsParameter);
        IssuedAccessToken token = issuer.issue(user.id.toString(), client, scope, grant, Instant.now(), null);
        return new Minted(token.value(), token.jti(), user.id, client, grant, token.expiresAt());
    }

    public Minted accessToken(String scope) {
        return accessToken(alice(), scope, null, Map.of());
    }

    public record Minted(String token, String jti, UUID userId, String clientId, UUID grantId, Instant expiresAt) {
    }

    /** Signs arbitrary claims as an access token (typ at+jwt): for expired, foreign-issuer or malformed cases. */
    public String sign(Map<String, Object> claims, String typ) {
        return signer.sign(claims, typ, JwsAlgorithm.RS256);
    }

    public void revokeGrant(UUID grantId) {
        QuarkusTransaction.requiringNew().run(() -> grants.findById(grantId).revokedAt = Instant.now());
    }

    public void revokeJti(String jti, Instant expiresAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            RevocationEntity r = new RevocationEntity();
            r.jti = jti;
            r.expiresAt = expiresAt;
            revocations.persist(r);
        });
    }

    public void disableUser(UUID userId) {
        QuarkusTransaction.requiringNew().run(() -> users.findById(userId).enabled = false);
    }
}
