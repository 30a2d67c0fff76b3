package io.gatehouse.model.user;

import io.gatehouse.model.entity.UserEntity;

/** The answer of a {@link UserStore} to a username and password. */
public sealed interface Authentication {

    /** Why a login was refused. Only {@code INVALID_CREDENTIALS} is shown as "wrong username or password". */
    enum Refusal {
        /** Unknown user or wrong password (never told apart). */
        INVALID_CREDENTIALS,
        /** The account is disabled (e.g. AD userAccountControl ACCOUNTDISABLE, nsAccountLock). */
        ACCOUNT_DISABLED,
        /** The account is locked (e.g. ppolicy pwdAccountLockedTime, AD LOCKOUT). */
        ACCOUNT_LOCKED,
        /** The password has expired or must be changed first (ppolicy, AD PASSWORD_EXPIRED). */
        PASSWORD_EXPIRED
    }

    /** The password is right; {@code user} is the row in {@code users} (id = subject). */
    record Authenticated(UserEntity user) implements Authentication {
    }

    record Refused(Refusal reason) implements Authentication {
    }

    static Authentication refused(Refusal reason) {
        return new Refused(reason);
    }

    static Authentication invalidCredentials() {
        return new Refused(Refusal.INVALID_CREDENTIALS);
    }
}
