package io.gatehouse.authorize;

import io.gatehouse.authorize.mfa.SecondFactor;
import io.gatehouse.model.entity.AuthorizationRequestEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.UserRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The step between the password and the session: a user with a confirmed authenticator gives a code before the login
 * counts. The pending request remembers (encrypted) who passed the password; the code form of the next page is tied
 * to the request, the browser and a fresh CSRF token like every other form of the flow.
 */
@ApplicationScoped
public class SecondFactorLogin {

    @Inject
    PendingRequests pending;
    @Inject
    SecondFactor factor;
    @Inject
    UserRepository users;
    @Inject
    CodeAttempts attempts;
    @Inject
    AuditLog audit;

    /** True when {@code user} owes a second factor for request {@code id}; it is then remembered. */
    @Transactional
    public boolean required(String id, String browser, UserEntity user) {
        if (!factor.enrolled(user.id)) {
            return false;
        }
        Optional<AuthorizationRequestEntity> p = pending.findLocked(id, browser);
        p.ifPresent(r -> pending.rememberFirstFactor(r, user.id));
        return true;
    }

    /**
     * The second step: a TOTP code or a recovery code of {@code user}, throttled like the password; a refusal is
     * audited ({@code login_otp_failed}).
     */
    public CodeAttempts.Result<SecondFactor.Answer> verify(UserEntity user, String code, String address) {
        CodeAttempts.Result<SecondFactor.Answer> result = attempts.attempt(user, address, () -> factor.accepted(user.id, code));
        if (result.accepted().isEmpty() && !result.throttled()) {
            QuarkusTransaction.requiringNew().run(() -> audit.record("login_otp_failed", user.id, null, null, address));
        }
        return result;
    }

    /** The user who passed the password step of request {@code id} in this browser, if any. */
    @Transactional
    public Optional<UserEntity> pendingUser(String id, String browser) {
        return pending.find(id, browser).filter(p -> p.consumedAt == null).flatMap(pending::firstFactor)
                .map(users::findById).filter(u -> u.enabled);
    }
}
