package io.gatehouse.authorize;

import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.user.Authentication;
import io.gatehouse.model.user.UserStore;
import io.gatehouse.model.user.UserStoreUnavailableException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Username and password login against the configured {@link UserStore} (PostgreSQL or LDAP). Failures are
 * throttled per account and per source address and audited the same whichever store answers; a store that cannot
 * answer (directory down) is neither counted nor blamed on the user.
 */
@ApplicationScoped
public class PasswordLogin {

    private static final Logger LOG = Logger.getLogger(PasswordLogin.class);

    /**
     * The outcome of an attempt. {@code retryAfter} is set when the attempt was refused without being heard;
     * {@code refusal} when it was heard and refused; {@code unavailable} when the store could not answer.
     */
    public record Result(UserEntity user, Duration retryAfter, Authentication.Refusal refusal, boolean unavailable) {
        public Result(UserEntity user, Duration retryAfter) {
            this(user, retryAfter, user == null && retryAfter == null ? Authentication.Refusal.INVALID_CREDENTIALS : null, false);
        }

        public boolean succeeded() {
            return user != null;
        }

        public boolean throttled() {
            return retryAfter != null;
        }
    }

    private static final int MAX_INPUT = 1024;

    @Inject
    UserStore store;
    @Inject
    LoginThrottle throttle;
    @Inject
    AuditLog audit;

    public Result attempt(String username, String password, String address) {
        if (username == null || password == null || username.isBlank() || username.length() > MAX_INPUT
                || password.length() > MAX_INPUT) {
            return new Result(null, null);
        }
        Duration wait = throttle.admit(username, address);
        if (!wait.isZero() && !wait.isNegative()) {
            return new Result(null, wait);
        }
        Authentication answer;
        try {
            answer = store.authenticate(username, password.toCharArray());
        } catch (UserStoreUnavailableException e) {
            LOG.warnf("sign-in unavailable: the %s user store did not answer: %s", store.name(), e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> audit.record("login_unavailable", null, null, store.name(), address));
            throttle.released(username, address); // admitted and counted, but never heard: not the user's failure
            return new Result(null, null, null, true);
        }
        if (answer instanceof Authentication.Refused refused) {
            throttle.failed(address);
            return new Result(null, null, refused.reason(), false);
        }
        throttle.succeeded(username, address);
        return new Result(((Authentication.Authenticated) answer).user(), null, null, false);
    }
}
