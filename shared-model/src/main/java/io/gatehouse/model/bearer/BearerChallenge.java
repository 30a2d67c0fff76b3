package io.gatehouse.model.bearer;

/**
 * A refusal of a protected-resource request, as RFC 6750 3 and 3.1 define it: the status, and the
 * {@code WWW-Authenticate: Bearer} challenge with its error code. A request that carried no token at all gets a
 * challenge without an error code (RFC 6750 3.1).
 */
public class BearerChallenge extends RuntimeException {

    private final int status;
    private final String error;
    private final String description;
    private final String scope;

    private BearerChallenge(int status, String error, String description, String scope) {
        super(error == null ? "no token" : error + ": " + description, null, false, false);
        this.status = status;
        this.error = error;
        this.description = description;
        this.scope = scope;
    }

    /** RFC 6750 3.1: no authentication information, so no error code. */
    public static BearerChallenge noToken() {
        return new BearerChallenge(401, null, null, null);
    }

    /** RFC 6750 3.1 invalid_token: expired, revoked, malformed or otherwise invalid. */
    public static BearerChallenge invalidToken(String description) {
        return new BearerChallenge(401, "invalid_token", description, null);
    }

    /** RFC 6750 3.1 invalid_request: e.g. more than one method of sending the token. */
    public static BearerChallenge invalidRequest(String description) {
        return new BearerChallenge(400, "invalid_request", description, null);
    }

    /** RFC 6750 3.1 insufficient_scope, naming the scope the resource needs. */
    public static BearerChallenge insufficientScope(String requiredScope, String description) {
        return new BearerChallenge(403, "insufficient_scope", description, requiredScope);
    }

    public int status() {
        return status;
    }

    /** The error code, or null for the bare challenge. */
    public String error() {
        return error;
    }

    public String description() {
        return description;
    }

    /** The {@code WWW-Authenticate} value (RFC 6750 3). */
    public String wwwAuthenticate() {
        if (error == null) {
            return "Bearer";
        }
        StringBuilder b = new StringBuilder("Bearer error=\"").append(error).append('"');
        if (description != null) {
            b.append(", error_description=\"").append(quotable(description)).append('"');
        }
        if (scope != null) {
            b.append(", scope=\"").append(quotable(scope)).append('"');
        }
        return b.toString();
    }

    /** RFC 6750 3: error_description and scope are restricted to %x20-21 / %x23-5B / %x5D-7E. */
    private static String quotable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : '\'');
        }
        return b.toString();
    }
}
