package io.gatehouse.model.authorization;

import io.gatehouse.model.error.OAuthError;

/**
 * The error codes of the authorization endpoint (RFC 6749 4.1.2.1, OIDC Core 3.1.2.6, RFC 9101 6.2, RFC 9126 2.3)
 * that {@link OAuthError} has no factory for. They travel to the client's redirect_uri, so the status is nominal.
 */
public final class AuthorizationError {

    private AuthorizationError() {
    }

    public static OAuthError accessDenied(String description) {
        return new OAuthError("access_denied", description, 400);
    }

    public static OAuthError unsupportedResponseType(String description) {
        return new OAuthError("unsupported_response_type", description, 400);
    }

    public static OAuthError loginRequired(String description) {
        return new OAuthError("login_required", description, 400);
    }

    public static OAuthError consentRequired(String description) {
        return new OAuthError("consent_required", description, 400);
    }

    /**
     * OpenID Connect Core Error Code unmet_authentication_requirements 1.0: the OP cannot authenticate the user as the
     * request or the client requires (here: a second factor the user has not enrolled).
     */
    public static OAuthError unmetAuthenticationRequirements(String description) {
        return new OAuthError("unmet_authentication_requirements", description, 400);
    }

    public static OAuthError interactionRequired(String description) {
        return new OAuthError("interaction_required", description, 400);
    }

    public static OAuthError requestNotSupported(String description) {
        return new OAuthError("request_not_supported", description, 400);
    }

    public static OAuthError requestUriNotSupported(String description) {
        return new OAuthError("request_uri_not_supported", description, 400);
    }

    public static OAuthError invalidRequestUri(String description) {
        return new OAuthError("invalid_request_uri", description, 400);
    }

    public static OAuthError invalidRequestObject(String description) {
        return new OAuthError("invalid_request_object", description, 400);
    }
}
