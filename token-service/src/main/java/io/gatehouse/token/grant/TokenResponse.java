package io.gatehouse.token.grant;

import io.gatehouse.model.token.AccessTokenIssuer.IssuedAccessToken;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A successful token response (RFC 6749 5.1; OIDC Core 3.1.3.3): refresh_token and id_token are null when not
 * issued. token_type is Bearer (RFC 6750), or DPoP for a DPoP-bound access token (RFC 9449 5).
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String scope, String refreshToken,
                            String idToken, String issuedTokenType) {

    public static final String BEARER = "Bearer";
    public static final String DPOP = "DPoP";

    /** The response carrying {@code at}, typed by whether it is bound to a DPoP key. */
    public static TokenResponse of(IssuedAccessToken at, String scope, String refreshToken, String idToken) {
        return new TokenResponse(at.value(), at.claims().jkt() == null ? BEARER : DPOP, at.expiresIn(), scope,
                refreshToken, idToken, null);
    }

    /** RFC 8693 2.2.1: a token exchange response also says which kind of token it issued. */
    public TokenResponse withIssuedTokenType(String type) {
        return new TokenResponse(accessToken, tokenType, expiresIn, scope, refreshToken, idToken, type);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("access_token", accessToken);
        if (issuedTokenType != null) {
            json.put("issued_token_type", issuedTokenType);
        }
        json.put("token_type", tokenType);
        json.put("expires_in", expiresIn);
        if (scope != null && !scope.isEmpty()) {
            json.put("scope", scope);
        }
        if (refreshToken != null) {
            json.put("refresh_token", refreshToken);
        }
        if (idToken != null) {
            json.put("id_token", idToken);
        }
        return json;
    }
}
