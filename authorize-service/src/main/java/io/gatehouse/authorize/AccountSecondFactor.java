package io.gatehouse.authorize;

import io.gatehouse.authorize.mfa.SecondFactor;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The second factor on the account page: enrol an authenticator app (QR code and text secret), confirm it with a
 * code (which makes the recovery codes, shown once), turn it off with a current code. Codes typed here are throttled
 * like logins.
 */
@ApplicationScoped
public class AccountSecondFactor {

    @Inject
    Sessions sessions;
    @Inject
    UserRepository users;
    @Inject
    SecondFactor factor;
    @Inject
    CodeAttempts attempts;

    /** The signed-in user of a posted account form: a live session and the form's CSRF token. */
    @Transactional
    public Optional<UserEntity> user(String sessionCookie, String csrf) {
        if (!Account.csrfMatches(sessionCookie, csrf)) {
            return Optional.empty();
        }
        return sessions.current(sessionCookie).map(s -> users.findById(s.userId)).filter(u -> u != null && u.enabled);
    }

    /** What the page shows of {@code user}'s second factor, with {@code message} and new recovery codes, if any. */
    public Pages.SecondFactorView view(UserEntity user, PageTexts t, List<String> newCodes, String message) {
        SecondFactor.Status status = factor.status(user.id, user.username);
        if (status.enrolled()) {
            return new Pages.SecondFactorView(true, t.get("mfa_codes_left", status.recoveryCodesLeft()), null, null,
                    newCodes, message);
        }
        return status.pending()
                .map(e -> new Pages.SecondFactorView(false, null, e.qrSvg(), e.secret(), newCodes, message))
                .orElse(new Pages.SecondFactorView(false, null, null, null, newCodes, message));
    }

    /** Starts an enrolment (a new secret each time, until one is confirmed). */
    public void begin(UserEntity user) {
        factor.begin(user.id, user.username);
    }

    /** The recovery codes when {@code code} confirms the enrolment; empty when it does not (or when throttled). */
    public Optional<List<String>> confirm(UserEntity user, String code, String address) {
        return attempts.attempt(user, address, () -> factor.confirm(user.id, code, address)).accepted();
    }

    /** Turns the second factor off when {@code code} is a current code or a recovery code. */
    public boolean remove(UserEntity user, String code, String address) {
        return attempts.attempt(user, address, () -> factor.accepted(user.id, code)).accepted().isPresent()
                && factor.remove(user.id, "user", address);
    }
}
