package io.gatehouse.model.authorization;

import io.gatehouse.model.error.OAuthError;

/**
 * An error found before the client and its redirect_uri are verified (OIDC Core 3.1.2.6, RFC 6749 4.1.2.1):
 * the user agent must not be redirected anywhere; the error is shown on a page of the authorization server.
 */
public class UntrustedRedirectException extends RuntimeException {

    private final OAuthError error;

    public UntrustedRedirectException(OAuthError error) {
        super(error.code() + ": " + error.description(), null, false, false);
        this.error = error;
    }

    public OAuthError error() {
        return error;
    }
}
