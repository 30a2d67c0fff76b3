package io.gatehouse.token;

import io.gatehouse.model.claims.ClaimsRequest;
import io.gatehouse.model.client.ClientSecretEncryption;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.AuthorizationCodeEntity;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.RefreshTokenEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.AuditEventRepository;
import io.gatehouse.model.repository.AuthorizationCodeRepository;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.RefreshTokenRepository;
import io.gatehouse.model.repository.SessionRepository;
import io.gatehouse.model.repository.SigningKeyRepository;
import io.gatehouse.model.repository.UserRepository;
import io.gatehouse.model.token.Pkce;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Clients, users, sessions, grants and authorization codes for token-service tests, written through the repositories
 * as authorize-service would write them (brief: "Contracts shared between services").
 */
@ApplicationScoped
public class TokenFixtures {

    public static final String REDIRECT_URI = "https://rp.example/cb";

    @Inject
    ClientRepository clients;
    @Inject
    UserRepository users;
    @Inject
    SessionRepository sessions;
    @Inject
    GrantRepository grants;
    @Inject
    AuthorizationCodeRepository codes;
    @Inject
    RefreshTokenRepository refreshTokens;
    @Inject
    AuditEventRepository audit;
    @Inject
    io.gatehouse.model.audit.AuditBatch batch;
    @Inject
    ClientSecretEncryption secretEncryption;
    @Inject
    SigningKeyRepository signingKeys;

    /** A registered client and, for the secret-based methods, its clear secret. */
    public record TestClient(String clientId, String secret, String method) {
    }

    public TestClient client(String method, List<String> grantTypes, String scope, Map<String, Object> metadata) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientEntity c = new ClientEntity();
            c.clientId = method.replace('_', '-') + "-" + UUID.randomUUID();
            String secret = method.equals("none") || method.equals("private_key_jwt") ? null : RandomTokens.random256();
            c.secretHash = secret == null ? null : Sha256.hash(secret);
            if (method.equals("client_secret_jwt")) {
                c.secretEncrypted = secretEncryption.encrypt(c.clientId, secret);
            }
            c.tokenEndpointAuthMethod = method;
            c.grantTypes = new ArrayList<>(grantTypes);
            c.redirectUris = new ArrayList<>(List.of(REDIRECT_URI));
            c.scope = scope;
            c.metadata = new HashMap<>(metadata);
            clients.persist(c);
            return new TestClient(c.clientId, secret, method);
        });
    }

    /** A confidential web client (client_secret_basic) for the code and refresh grants. */
    public TestClient webClient() {
        return client("client_secret_basic", List.of("authorization_code", "refresh_token"),
                "openid profile email offline_access", Map.of());
    }

    public void disableClient(String clientId) {
        QuarkusTransaction.requiringNew().run(() -> clients.findById(clientId).enabled = false);
    }

    public void updateClient(String clientId, java.util.function.Consumer<ClientEntity> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(clients.findById(clientId)));
    }

    public UserEntity user() {
        return QuarkusTransaction.requiringNew().call(() -> {
            UserEntity u = new UserEntity();
            u.id = UUID.randomUUID();
            u.username = "user-" + u.id;
            u.attributes = new HashMap<>(Map.of("cn", "Alice Liddell", "mail", "alice@example.com", "emailVerified", true));
            users.persist(u);
            return u;
        });
    }

    public void disableUser(UUID userId) {
        QuarkusTransaction.requiringNew().run(() -> users.findById(userId).enabled = false);
    }

    /** An active SSO session of {@code userId}; returns its sid. */
    public String session(UUID userId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SessionEntity s = new SessionEntity();
            s.sid = RandomTokens.randomBytes(16);
            s.cookieHash = Sha256.hash(RandomTokens.random256());
            s.userId = userId;
            s.authTime = Instant.now().minusSeconds(30);
            s.acr = "urn:gatehouse:pwd";
            s.amr = new ArrayList<>(List.of("pwd"));
            s.expiresAt = Instant.now().plus(Duration.ofHours(8));
            sessions.persist(s);
            return s.sid;
        });
    }

    public void endSession(String sid) {
        QuarkusTransaction.requiringNew().run(() -> sessions.findById(sid).endedAt = Instant.now());
    }

    /** What authorize-service records when it issues a code; each field has a usable default. */
    public static final class Code {
        public TestClient client;
        public UUID userId;
        public String scope = "openid profile";
        public String redirectUri = REDIRECT_URI;
        public String nonce = "n-" + UUID.randomUUID();
        public String verifier;
        public String challengeMethod = Pkce.S256;
        public String sid;
        public boolean offline;
        public String claims;
        public Instant expiresAt = Instant.now().plusSeconds(60);
        public Instant authTime = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        public Code(TestClient client, UUID userId) {
            this.client = client;
            this.userId = userId;
        }

        public Code pkce() {
            verifier = RandomTokens.random256() + "xyz";
            return this;
        }
    }

    /** A code issued as {@code c} describes, with its grant; returns the code's value and the grant id. */
    public Issued code(Code c) {
        return QuarkusTransaction.requiringNew().call(() -> {
            GrantEntity g = new GrantEntity();
            g.id = UUID.randomUUID();
            g.userId = c.userId;
            g.clientId = c.client.clientId();
            g.scope = c.scope;
            g.sid = c.sid;
            g.offline = c.offline;
            g.authTime = c.authTime;
            g.claims = c.claims == null ? null : ClaimsRequest.parse(c.claims).toJson();
            grants.persist(g);
            String value = RandomTokens.random256();
            AuthorizationCodeEntity a = new AuthorizationCodeEntity();
            a.codeHash = Sha256.hash(value);
            a.clientId = c.client.clientId();
            a.userId = c.userId;
            a.redirectUri = c.redirectUri;
            a.scope = c.scope;
            a.nonce = c.nonce;
            if (c.verifier != null) {
                a.codeChallenge = Pkce.S256.equals(c.challengeMethod) ? Pkce.s256Challenge(c.verifier) : c.verifier;
                a.codeChallengeMethod = c.challengeMethod;
            }
            a.claims = g.claims;
            a.authTime = c.authTime;
            a.acr = "urn:gatehouse:pwd";
            a.amr = new ArrayList<>(List.of("pwd"));
            a.sid = c.sid;
            a.grantId = g.id;
            a.expiresAt = c.expiresAt;
            codes.persist(a);
            return new Issued(value, g.id);
        });
    }

    public record Issued(String code, UUID grantId) {
    }

    public GrantEntity grant(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> grants.findById(id));
    }

    public void revokeGrant(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> grants.findById(id).revokedAt = Instant.now());
    }

    public RefreshTokenEntity refreshToken(String value) {
        return QuarkusTransaction.requiringNew().call(() -> refreshTokens.findById(Sha256.hash(value)));
    }

    public List<RefreshTokenEntity> family(java.util.UUID familyId) {
        return QuarkusTransaction.requiringNew().call(() -> refreshTokens.list("familyId", familyId));
    }

    /** Pretends the rotation of {@code value} happened {@code ago} (instead of waiting out the grace period). */
    public void rotatedAgo(String value, Duration ago) {
        QuarkusTransaction.requiringNew().run(() -> refreshTokens.findById(Sha256.hash(value)).rotatedAt = Instant.now().minus(ago));
    }

    public void expireRefreshToken(String value) {
        QuarkusTransaction.requiringNew().run(() -> refreshTokens.findById(Sha256.hash(value)).expiresAt = Instant.now().minusSeconds(1));
    }

    public long auditEvents(String type, String clientId) {
        try {
            batch.flush(); // tokens issued are audited in batches after the commit
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return QuarkusTransaction.requiringNew().call(() -> audit.count("type = ?1 and clientId = ?2", type, clientId));
    }

    /**
     * Verifies a JWT signed by Gatehouse independently, with Nimbus JOSE+JWT and the key published for its kid; returns
     * its claims.
     */
    public com.nimbusds.jwt.JWTClaimsSet verified(String jwt) {
        try {
            com.nimbusds.jwt.SignedJWT signed = com.nimbusds.jwt.SignedJWT.parse(jwt);
            var key = QuarkusTransaction.requiringNew().call(() -> signingKeys.findById(signed.getHeader().getKeyID()));
            com.nimbusds.jose.jwk.JWK jwk = com.nimbusds.jose.jwk.JWK.parse(key.publicJwk);
            var verifier = new com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory().createJWSVerifier(signed.getHeader(),
                    jwk instanceof com.nimbusds.jose.jwk.ECKey ec ? ec.toPublicKey() : jwk.toRSAKey().toPublicKey());
            if (!signed.verify(verifier)) {
                throw new AssertionError("signature does not verify");
            }
            return signed.getJWTClaimsSet();
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            throw new AssertionError("not a verifiable JWT: " + e.getMessage(), e);
        }
    }
}
