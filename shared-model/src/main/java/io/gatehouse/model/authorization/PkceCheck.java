package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;
import java.util.regex.Pattern;

/**
 * RFC 7636 4.2, 4.3, 4.4.1; RFC 9700 2.1.1: for responses with a code, code_challenge is required of public
 * clients (token_endpoint_auth_method none); its method defaults to plain, which is refused unless enabled; the
 * challenge is 43 to 128 unreserved characters (exactly 43 base64url characters for S256).
 */
public final class PkceCheck implements AuthorizationCheck {

    public static final String S256 = "S256";
    public static final String PLAIN = "plain";
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9\\-_]{43}");

    private final boolean plainAllowed;

    public PkceCheck(boolean plainAllowed) {
        this.plainAllowed = plainAllowed;
    }

    @Override
    public void check(AuthorizationRequest request, ClientEntity client) {
        if (!request.responseType().map(ResponseType::hasCode).orElse(false)) {
            return;
        }
        String challenge = request.codeChallenge();
        if (challenge == null) {
            if (request.codeChallengeMethod() != null) {
                throw OAuthError.invalidRequest("code_challenge_method without code_challenge").toException();
            }
            if ("none".equals(client.tokenEndpointAuthMethod)) {
                throw OAuthError.invalidRequest("code_challenge is required of public clients (PKCE)").toException();
            }
            return;
        }
        String method = request.codeChallengeMethod() == null ? PLAIN : request.codeChallengeMethod();
        if (method.equals(S256)) {
            if (!S256_CHALLENGE.matcher(challenge).matches()) {
                throw OAuthError.invalidRequest("code_challenge is not a base64url SHA-256 value").toException();
            }
        } else if (method.equals(PLAIN) && plainAllowed) {
            if (!CHALLENGE.matcher(challenge).matches()) {
                throw OAuthError.invalidRequest("code_challenge must be 43 to 128 unreserved characters").toException();
            }
        } else {
            throw OAuthError.invalidRequest("code_challenge_method not supported: use S256").toException();
        }
    }

    /** The method stored with the code: S256, or plain when the challenge came without one. */
    public static String effectiveMethod(AuthorizationRequest request) {
        if (request.codeChallenge() == null) {
            return null;
        }
        return request.codeChallengeMethod() == null ? PLAIN : request.codeChallengeMethod();
    }
}
