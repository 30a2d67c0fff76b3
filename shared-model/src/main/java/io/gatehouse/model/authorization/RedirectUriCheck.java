package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;

/**
 * OIDC Core 3.1.2.1, RFC 9700 2.1, RFC 6749 3.1.2.3: the redirect_uri must be an exact string match of one the
 * client registered; it may be left out only when the client registered exactly one. Failing that, nothing is
 * redirected (OIDC Core 3.1.2.6): the error is shown on a page.
 */
public final class RedirectUriCheck {

    private RedirectUriCheck() {
    }

    /** The redirect_uri the response goes to. */
    public static String resolve(RequestParameters parameters, ClientEntity client) {
        if (parameters.isDuplicated("redirect_uri")) {
            throw new UntrustedRedirectException(OAuthError.invalidRequest("redirect_uri was sent more than once"));
        }
        String requested = parameters.get("redirect_uri");
        if (requested == null) {
            if (client.redirectUris.size() == 1) {
                return client.redirectUris.get(0);
            }
            throw new UntrustedRedirectException(OAuthError.invalidRequest(client.redirectUris.isEmpty()
                    ? "the client has no registered redirect_uri"
                    : "redirect_uri is required: the client registered several"));
        }
        if (!client.redirectUris.contains(requested)) {
            throw new UntrustedRedirectException(OAuthError.invalidRequest("redirect_uri is not registered for this client"));
        }
        return requested;
    }
}
