package io.gatehouse.model.error;

/** Carries an {@link OAuthError} out of protocol code to the one mapper that renders it. */
public class OAuthException extends RuntimeException {

    private final OAuthError error;
    /** Value of a {@code WWW-Authenticate} header to send with the error, or null. */
    private final String wwwAuthenticate;

    public OAuthException(OAuthError error) {
        this(error, null);
    }

    public OAuthException(OAuthError error, String wwwAuthenticate) {
        super(error.code() + ": " + error.description(), null, false, false);
        this.error = error;
        this.wwwAuthenticate = wwwAuthenticate;
    }

    public OAuthError error() {
        return error;
    }

    public String wwwAuthenticate() {
        return wwwAuthenticate;
    }
}
