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
        List<String> bearer = authorization == null ? List.of()
                : authorization.stream().filter(BearerTokenExtraction::isBearer).toList();
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
        if (bearer.size() == 1) {
            token = bearer.get(0).substring("Bearer".length()).trim();
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
        return token;
    }

    /** The Bearer scheme, case-insensitive (RFC 7235 2.1), alone or followed by a space. */
    private static boolean isBearer(String header) {
        if (header == null || header.length() < 6) {
            return false;
        }
        String scheme = header.substring(0, 6).toLowerCase(Locale.ROOT);
        return scheme.equals("bearer") && (header.length() == 6 || header.charAt(6) == ' ');
    }
}
