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
    /** The authentication scheme: Bearer (RFC 6750 3) or DPoP (RFC 9449 7.1). */
    private final String scheme;
    /** RFC 9449 7.1: the DPoP proof algorithms the resource accepts, or null. */
    private final String algs;
    /** RFC 9449 9: a nonce the client must use in its next proof, sent as {@code DPoP-Nonce}, or null. */
    private final String dpopNonce;

    private BearerChallenge(int status, String error, String description, String scope) {
        this(status, error, description, scope, "Bearer", null, null);
    }

    private BearerChallenge(int status, String error, String description, String scope, String scheme, String algs,
                            String dpopNonce) {
        super(error == null ? "no token" : error + ": " + description, null, false, false);
        this.status = status;
        this.error = error;
        this.description = description;
        this.scope = scope;
        this.scheme = scheme;
        this.algs = algs;
        this.dpopNonce = dpopNonce;
    }

    /**
     * RFC 9449 7.1: a refusal of a DPoP-bound token or of its proof, as a {@code DPoP} challenge naming the accepted
     * proof algorithms; {@code nonce} (or null) goes out as {@code DPoP-Nonce}. Status 401, except 400 for
     * invalid_request and 403 for insufficient_scope (RFC 6750 3.1).
     */
    public static BearerChallenge dpop(String error, String description, String algs, String nonce) {
        int status = switch (error) {
            case "invalid_request" -> 400;
            case "insufficient_scope" -> 403;
            default -> 401;
        };
        return new BearerChallenge(status, error, description, null, "DPoP", algs, nonce);
    }

    /** The same refusal as a {@code DPoP} challenge (RFC 9449 7.1, 7.2), e.g. for a DPoP-bound token sent as Bearer. */
    public BearerChallenge asDpop(String algs, String nonce) {
        return new BearerChallenge(status, error, description, scope, "DPoP", algs, nonce);
    }

    /** Bearer or DPoP. */
    public String scheme() {
        return scheme;
    }

    /** The {@code DPoP-Nonce} value to send, or null. */
    public String dpopNonce() {
        return dpopNonce;
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
        StringBuilder b = new StringBuilder(scheme);
        if (algs != null) {
            b.append(" algs=\"").append(quotable(algs)).append('"');
        }
        if (error == null) {
            return b.toString();
        }
        b.append(algs != null ? ", " : " ").append("error=\"").append(error).append('"');
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
