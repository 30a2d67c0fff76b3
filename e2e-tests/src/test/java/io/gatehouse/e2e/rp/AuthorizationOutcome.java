package io.gatehouse.e2e.rp;

import java.util.Map;

/**
 * How an authorization request ended, as the relying party sees it: a callback to its redirect_uri (by query,
 * fragment or form post) or a page at the OP that did not send the browser back (an error page).
 */
public record AuthorizationOutcome(Kind kind, Map<String, String> params, String location, int status, String body) {

    public enum Kind { QUERY, FRAGMENT, FORM_POST, OP_PAGE }

    public boolean isCallback() {
        return kind != Kind.OP_PAGE;
    }

    public String param(String name) {
        return params.get(name);
    }

    @Override
    public String toString() {
        return kind + " " + (isCallback() ? params : "status " + status);
    }
}
