package io.gatehouse.authorize;

import io.gatehouse.model.authorization.AuthorizationResponse;
import io.gatehouse.model.error.OAuthError;

/** What the authorization flow asks the browser to see next; resources only render it. */
public sealed interface FlowResult {

    /** OIDC Core 3.1.2.6: an error that must not be redirected (client or redirect_uri not verified). */
    record ErrorPage(OAuthError error, int status) implements FlowResult {
    }

    /** The response (success or error) delivered to the client in its response mode. */
    record Respond(AuthorizationResponse response) implements FlowResult {
    }

    /** The user must log in for the pending request {@code requestId}. */
    record Login(String requestId) implements FlowResult {
    }

    /** The user must consent for the pending request {@code requestId}. */
    record Consent(String requestId) implements FlowResult {
    }

    /** The user continues at another page of this service ({@code path}), e.g. the device pages after the login. */
    record Continue(String path) implements FlowResult {
    }
}
