package io.gatehouse.model.user;

import io.gatehouse.model.crypto.Argon2idPasswordHasher;
import io.gatehouse.model.crypto.PasswordHasher;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.UserRepository;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Users in the {@code users} table with an Argon2id (or PBKDF2) password hash. An unknown username costs the same
 * verification as a known one (against a dummy hash), so neither the answer nor its time tells whether the account
 * exists. A hash made with weaker parameters than the current ones is replaced at a successful login.
 */
@ApplicationScoped
@Serves(UsersConfig.Store.postgres) // injected as UserStore only through UserStores
public class PostgresUserStore implements UserStore {

    @Inject
    UserRepository users;
    @Inject
    Tracer tracer;

    private final PasswordHasher hasher = new Argon2idPasswordHasher();
    /** Verified when the username is unknown, so that the time taken does not differ. */
    private final String dummyHash = hasher.hash("gatehouse-dummy-password".toCharArray());

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Authentication authenticate(String username, char[] password) {
        Optional<UserEntity> found = QuarkusTransaction.requiringNew().call(() -> users.findByUsername(username.trim()));
        UserEntity user = found.filter(u -> u.enabled && u.passwordHash != null).orElse(null);
        boolean verified = verify(password, user == null ? dummyHash : user.passwordHash);
        if (user == null || !verified) {
            return Authentication.invalidCredentials();
        }
        if (hasher.needsRehash(user.passwordHash)) {
            String upgraded = hasher.hash(password);
            QuarkusTransaction.requiringNew().run(() -> {
                UserEntity u = users.findById(user.id);
                u.passwordHash = upgraded; // not a change of the user's claims: updated_at stays
            });
            user.passwordHash = upgraded;
        }
        return new Authentication.Authenticated(user);
    }

    /** The hash check as its own span: it is most of a login's time, by design. */
    private boolean verify(char[] password, String hash) {
        Span span = tracer.spanBuilder("password.verify").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return hasher.verify(password, hash);
        } finally {
            span.end();
        }
    }
}
