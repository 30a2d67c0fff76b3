package io.gatehouse.authorize;

import io.gatehouse.model.entity.UserEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A typed second-factor code, throttled like a password (issue 21.2): per account and per source address, through
 * the same {@link LoginThrottle}, at login and on the account page alike.
 */
@ApplicationScoped
public class CodeAttempts {

    @Inject
    LoginThrottle throttle;

    /** Refused unheard ({@code retryAfter} set), heard and refused (both empty), or accepted with what it gave. */
    public record Result<T>(Duration retryAfter, Optional<T> accepted) {
        public boolean throttled() {
            return retryAfter != null;
        }
    }

    /** Admits the attempt, runs {@code check} (present: the code is good) and counts the outcome. */
    public <T> Result<T> attempt(UserEntity user, String address, Supplier<Optional<T>> check) {
        Duration wait = throttle.admit(user.username, address);
        if (!wait.isZero() && !wait.isNegative()) {
            return new Result<>(wait, Optional.empty());
        }
        Optional<T> accepted = check.get();
        if (accepted.isEmpty()) {
            throttle.failed(address);
        } else {
            throttle.succeeded(user.username, address);
        }
        return new Result<>(null, accepted);
    }
}
