package io.gatehouse.model.error;

/**
 * An error as the specifications define it: the {@code error} code (RFC 6749 5.2, 4.1.2.1; OIDC Core
 * 3.1.2.6; RFC 6750 3.1; RFC 7591 3.2.2), a human-readable description, and the HTTP status it is
 * answered with where it is answered directly.
 */
public record OAuthError(String code, String description, int status) {

    public static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description, 400);
    }

    public static OAuthError invalidClient(String description) {
        return new OAuthError("invalid_client", description, 401);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description, 400);
    }

    public static OAuthError unauthorizedClient(String description) {
        return new OAuthError("unauthorized_client", description, 400);
    }

    public static OAuthError unsupportedGrantType(String description) {
        return new OAuthError("unsupported_grant_type", description, 400);
    }

    public static OAuthError invalidScope(String description) {
        return new OAuthError("invalid_scope", description, 400);
    }

    public static OAuthError serverError(String description) {
        return new OAuthError("server_error", description, 500);
    }

    public static OAuthError temporarilyUnavailable(String description) {
        return new OAuthError("temporarily_unavailable", description, 503);
    }

    public OAuthException toException() {
        return new OAuthException(this);
    }
}
