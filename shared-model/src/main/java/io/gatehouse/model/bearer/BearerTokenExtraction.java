package io.gatehouse.model.bearer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the access token of a request (RFC 6750 2): the {@code Authorization: Bearer} header (2.1) or, for a
 * form POST, the {@code access_token} body parameter (2.2). The URI query method (2.3) is not supported. Pure.
 */
public final class BearerTokenExtraction {

    /** RFC 6750 2.1: b64token. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private BearerTokenExtraction() {
    }

    /**
     * The token, or a {@link BearerChallenge}: none when no token was attempted, invalid_request when more than one
     * method or a repeated parameter is used (RFC 6750 3.1), invalid_token when an attempted token is empty or not
     * b64token syntax.
     *
     * @param authorization values of the Authorization header
     * @param formTokens    values of the access_token form parameter (empty for other requests)
     * @param queryTokens   values of an access_token query parameter
     */
    public static String extract(List<String> authorization, List<String> formTokens, List<String> queryTokens) {
        return present(authorization, formTokens, queryTokens, false).token();
    }

    /** A token as the request presented it: with the DPoP scheme (RFC 9449 7.1) or as a bearer token. */
    public record Presented(String token, boolean dpop) {
    }

    /**
     * As {@link #extract}, also accepting {@code Authorization: DPoP} (RFC 9449 7.1) when {@code dpopAccepted}; a
     * token sent with two schemes at once is invalid_request.
     */
    public static Presented present(List<String> authorization, List<String> formTokens, List<String> queryTokens,
                                    boolean dpopAccepted) {
        List<String> bearer = authorization == null ? List.of()
                : authorization.stream().filter(h -> hasScheme(h, "bearer") || dpopAccepted && hasScheme(h, "dpop")).toList();
        List<String> form = formTokens == null ? List.of() : formTokens;
        if (queryTokens != null && !queryTokens.isEmpty()) {
            throw BearerChallenge.invalidRequest("the access token must not be sent in the URI query (RFC 6750 2.3)");
        }
        if (!bearer.isEmpty() && !form.isEmpty()) {
            throw BearerChallenge.invalidRequest("the access token was sent in both the Authorization header and the body");
        }
        if (bearer.size() > 1 || form.size() > 1) {
            throw BearerChallenge.invalidRequest("more than one access token was sent");
        }
        String token;
        boolean dpop = false;
        if (bearer.size() == 1) {
            dpop = hasScheme(bearer.get(0), "dpop");
            token = bearer.get(0).substring(dpop ? "DPoP".length() : "Bearer".length()).trim();
        } else if (form.size() == 1) {
            token = form.get(0).trim();
        } else {
            throw BearerChallenge.noToken();
        }
        if (token.isEmpty()) {
            throw BearerChallenge.invalidToken("the access token is empty");
        }
        if (!B64TOKEN.matcher(token).matches()) {
            throw BearerChallenge.invalidToken("the access token is malformed");
        }
        return new Presented(token, dpop);
    }

    /** The scheme (lower case), case-insensitive (RFC 7235 2.1), alone or followed by a space. */
    private static boolean hasScheme(String header, String scheme) {
        int n = scheme.length();
        if (header == null || header.length() < n) {
            return false;
        }
        return header.substring(0, n).toLowerCase(Locale.ROOT).equals(scheme) && (header.length() == n || header.charAt(n) == ' ');
    }
}
