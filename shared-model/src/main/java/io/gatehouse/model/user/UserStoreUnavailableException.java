package io.gatehouse.model.user;

/** The user store could not answer in time (directory unreachable, timed out, busy): sign-in is unavailable. */
public class UserStoreUnavailableException extends RuntimeException {

    public UserStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
