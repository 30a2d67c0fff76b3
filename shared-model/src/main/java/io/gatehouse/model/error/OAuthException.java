package io.gatehouse.model.error;

import java.util.Map;

/** Carries an {@link OAuthError} out of protocol code to the one mapper that renders it. */
public class OAuthException extends RuntimeException {

    private final OAuthError error;
    /** Value of a {@code WWW-Authenticate} header to send with the error, or null. */
    private final String wwwAuthenticate;

    public OAuthException(OAuthError error) {
        this(error, null);
    }

    /** Other headers to send with the error (e.g. RFC 9449 8 {@code DPoP-Nonce}). */
    private final Map<String, String> headers;

    public OAuthException(OAuthError error, String wwwAuthenticate) {
        this(error, wwwAuthenticate, Map.of());
    }

    public OAuthException(OAuthError error, String wwwAuthenticate, Map<String, String> headers) {
        super(error.code() + ": " + error.description(), null, false, false);
        this.error = error;
        this.wwwAuthenticate = wwwAuthenticate;
        this.headers = Map.copyOf(headers);
    }

    public Map<String, String> headers() {
        return headers;
    }

    public OAuthError error() {
        return error;
    }

    public String wwwAuthenticate() {
        return wwwAuthenticate;
    }
}
