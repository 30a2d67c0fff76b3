package io.gatehouse.model.logout;

import java.util.List;
import java.util.Map;

/**
 * An RP-Initiated Logout request (OpenID Connect RP-Initiated Logout 1.0 section 2), parsed from the query or
 * form. Every member is optional.
 */
public record EndSessionRequest(String idTokenHint, String logoutHint, String clientId, String postLogoutRedirectUri,
                                String state, String uiLocales) {

    /** Parses request parameters; a parameter sent twice is an error (RFC 6749 3.1 applies to this endpoint too). */
    public static EndSessionRequest parse(Map<String, List<String>> params) throws IllegalArgumentException {
        return new EndSessionRequest(single(params, "id_token_hint"), single(params, "logout_hint"), single(params, "client_id"),
                single(params, "post_logout_redirect_uri"), single(params, "state"), single(params, "ui_locales"));
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException(name + " must not be repeated");
        }
        String v = values.get(0);
        return v == null || v.isEmpty() ? null : v;
    }
}
