package io.gatehouse.authorize.admin;

import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.ConsentEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.SessionClientEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.ConsentRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.SessionClientRepository;
import io.gatehouse.model.repository.SessionRepository;
import io.gatehouse.model.repository.UserRepository;
import io.gatehouse.model.token.AccessTokenIssuer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Clients, users, grants, sessions and access tokens for the admin and registration tests. Tokens are minted with
 * {@link AccessTokenIssuer} after a grants row is written, as the token endpoint will.
 */
@ApplicationScoped
public class AdminFixtures {

    @Inject
    ClientRepository clients;
    @Inject
    UserRepository users;
    @Inject
    GrantRepository grants;
    @Inject
    ConsentRepository consents;
    @Inject
    SessionRepository sessions;
    @Inject
    SessionClientRepository sessionClients;
    @Inject
    AccessTokenIssuer issuer;

    /** An access token, the client it was issued to and its grant. */
    public record Token(String value, String clientId, UUID grantId) {
        public String bearer() {
            return "Bearer " + value;
        }
    }

    /** A client_credentials client holding {@code scope}, and an access token (sub = client_id, RFC 9068 2.2). */
    public Token clientToken(String scope) {
        String clientId = "ops-" + UUID.randomUUID();
        UUID grant = QuarkusTransaction.requiringNew().call(() -> {
            ClientEntity c = new ClientEntity();
            c.clientId = clientId;
            c.secretHash = Sha256.hash(RandomTokens.random256());
            c.grantTypes = List.of("client_credentials");
            c.responseTypes = List.of();
            c.scope = scope;
            clients.persist(c);
            return persistGrant(null, clientId, scope, null, false);
        });
        return new Token(issuer.issue(clientId, clientId, scope, grant, null, null).value(), clientId, grant);
    }

    /** An operator's token: scope gatehouse:admin. */
    public Token adminToken() {
        return clientToken(AdminAccess.SCOPE);
    }

    /** A token a user holds for a client, with {@code scope}. */
    public Token userToken(UUID userId, String scope) {
        String clientId = client(Map.of(), scope).clientId;
        UUID grant = grant(userId, clientId, scope, null, false);
        return new Token(issuer.issue(userId.toString(), clientId, scope, grant, Instant.now(), null).value(), clientId, grant);
    }

    public ClientEntity client(Map<String, Object> metadata) {
        return client(metadata, "openid profile");
    }

    /** A confidential relying party registered for {@code scope}. */
    public ClientEntity client(Map<String, Object> metadata, String scope) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientEntity c = new ClientEntity();
            c.clientId = "rp-" + UUID.randomUUID();
            c.clientName = "RP " + c.clientId;
            c.redirectUris = List.of("https://rp.example/cb");
            c.scope = scope;
            c.secretHash = Sha256.hash(RandomTokens.random256());
            c.metadata = new HashMap<>(metadata);
            clients.persist(c);
            return c;
        });
    }

    public UserEntity user(String usernamePrefix) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UserEntity u = new UserEntity();
            u.id = UUID.randomUUID();
            u.username = usernamePrefix + "-" + u.id;
            u.attributes = new HashMap<>(Map.of("mail", u.username + "@example.com", "cn", "User " + usernamePrefix));
            users.persist(u);
            return u;
        });
    }

    public UUID grant(UUID userId, String clientId, String scope, String sid, boolean offline) {
        return QuarkusTransaction.requiringNew().call(() -> persistGrant(userId, clientId, scope, sid, offline));
    }

    private UUID persistGrant(UUID userId, String clientId, String scope, String sid, boolean offline) {
        GrantEntity g = new GrantEntity();
        g.id = UUID.randomUUID();
        g.userId = userId;
        g.clientId = clientId;
        g.scope = scope;
        g.sid = sid;
        g.offline = offline;
        g.authTime = userId == null ? null : Instant.now();
        grants.persist(g);
        return g.id;
    }

    public void consent(UUID userId, String clientId, List<String> scopes) {
        QuarkusTransaction.requiringNew().run(() -> {
            ConsentEntity c = new ConsentEntity();
            c.userId = userId;
            c.clientId = clientId;
            c.scopes = scopes;
            consents.persist(c);
        });
    }

    /** A live session of the user in which {@code clientIds} took part. */
    public SessionEntity session(UUID userId, List<String> clientIds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SessionEntity s = new SessionEntity();
            s.sid = RandomTokens.randomBytes(16);
            s.cookieHash = Sha256.hash(RandomTokens.random256());
            s.userId = userId;
            s.authTime = Instant.now();
            s.amr = List.of("pwd");
            s.expiresAt = Instant.now().plus(Duration.ofHours(8));
            sessions.persist(s);
            for (String clientId : clientIds) {
                SessionClientEntity sc = new SessionClientEntity();
                sc.sid = s.sid;
                sc.clientId = clientId;
                sessionClients.persist(sc);
            }
            return s;
        });
    }

    /** Changes a client's registration in place, as the admin API or RFC 7592 would. */
    public void updateClient(String clientId, java.util.function.Consumer<ClientEntity> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(clients.findById(clientId)));
    }

    public void disableClient(String clientId) {
        QuarkusTransaction.requiringNew().run(() -> clients.findById(clientId).enabled = false);
    }

    public void disableUser(UUID userId) {
        QuarkusTransaction.requiringNew().run(() -> users.findById(userId).enabled = false);
    }

    public void revokeGrant(UUID grantId) {
        QuarkusTransaction.requiringNew().run(() -> grants.findById(grantId).revokedAt = Instant.now());
    }

    public GrantEntity findGrant(UUID grantId) {
        return QuarkusTransaction.requiringNew().call(() -> grants.findById(grantId));
    }

    public ClientEntity findClient(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> clients.findById(clientId));
    }

    public UserEntity findUser(UUID userId) {
        return QuarkusTransaction.requiringNew().call(() -> users.findById(userId));
    }

    public SessionEntity findSession(String sid) {
        return QuarkusTransaction.requiringNew().call(() -> sessions.findById(sid));
    }
}
