package io.gatehouse.authorize;

import io.gatehouse.model.crypto.Argon2idPasswordHasher;
import io.gatehouse.model.crypto.PasswordHasher;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.UserRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Username and password login against the PostgreSQL user store. Failures are throttled per account and per
 * source address; an unknown username costs the same Argon2id verification as a known one (against a dummy hash),
 * so neither the answer nor its time tells whether the account exists. A hash made with weaker parameters than the
 * current ones is replaced at a successful login.
 */
@ApplicationScoped
public class PasswordLogin {

    /** The outcome of an attempt. {@code retryAfter} is set when the attempt was refused without being heard. */
    public record Result(UserEntity user, Duration retryAfter) {
        public boolean succeeded() {
            return user != null;
        }

        public boolean throttled() {
            return retryAfter != null;
        }
    }

    private static final int MAX_INPUT = 1024;

    @Inject
    UserRepository users;
    @Inject
    LoginThrottle throttle;

    private final PasswordHasher hasher = new Argon2idPasswordHasher();
    /** Verified when the username is unknown, so that the time taken does not differ. */
    private final String dummyHash = hasher.hash("gatehouse-dummy-password".toCharArray());

    public Result attempt(String username, String password, String address) {
        if (username == null || password == null || username.isBlank() || username.length() > MAX_INPUT
                || password.length() > MAX_INPUT) {
            return new Result(null, null);
        }
        Duration wait = throttle.admit(username, address);
        if (!wait.isZero() && !wait.isNegative()) {
            return new Result(null, wait);
        }
        Optional<UserEntity> found = QuarkusTransaction.requiringNew().call(() -> users.findByUsername(username.trim()));
        UserEntity user = found.filter(u -> u.enabled && u.passwordHash != null).orElse(null);
        boolean verified = hasher.verify(password.toCharArray(), user == null ? dummyHash : user.passwordHash);
        if (user == null || !verified) {
            throttle.failed(address);
            return new Result(null, null);
        }
        throttle.succeeded(username, address);
        if (hasher.needsRehash(user.passwordHash)) {
            String upgraded = hasher.hash(password.toCharArray());
            QuarkusTransaction.requiringNew().run(() -> {
                UserEntity u = users.findById(user.id);
                u.passwordHash = upgraded; // not a change of the user's claims: updated_at stays
            });
            user.passwordHash = upgraded;
        }
        return new Result(user, null);
    }
}
