package io.gatehouse.authorize;

import io.gatehouse.model.crypto.Argon2idPasswordHasher;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.UserRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Clients and users for the authorization endpoint tests, each unique to its test. */
@ApplicationScoped
public class AuthorizeFixtures {

    static final String PASSWORD = "correct horse battery staple";
    static final List<String> ALL_RESPONSE_TYPES = List.of("code", "id_token", "id_token token", "code id_token",
            "code token", "code id_token token");

    @Inject
    ClientRepository clients;
    @Inject
    UserRepository users;

    /** A confidential client with one redirect URI, every response type, and the standard scopes. */
    public ClientEntity client() {
        return client(c -> { });
    }

    public ClientEntity client(java.util.function.Consumer<ClientEntity> customize) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientEntity c = new ClientEntity();
            c.clientId = "rp-" + UUID.randomUUID();
            c.clientName = "Test RP " + c.clientId.substring(3, 11);
            c.secretHash = "x";
            c.redirectUris = new ArrayList<>(List.of("https://rp.example/cb"));
            c.responseTypes = new ArrayList<>(ALL_RESPONSE_TYPES);
            c.grantTypes = new ArrayList<>(List.of("authorization_code", "implicit", "refresh_token"));
            c.scope = "openid profile email address phone offline_access";
            c.metadata = new HashMap<>();
            customize.accept(c);
            clients.persist(c);
            return c;
        });
    }

    public UserEntity user() {
        return user(new Argon2idPasswordHasher().hash(PASSWORD.toCharArray()));
    }

    public UserEntity user(String passwordHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UserEntity u = new UserEntity();
            u.id = UUID.randomUUID();
            u.username = "user-" + u.id.toString().substring(0, 8);
            u.passwordHash = passwordHash;
            u.attributes = new HashMap<>(Map.of("cn", "Test User", "mail", u.username + "@example.com"));
            users.persist(u);
            return u;
        });
    }
}
