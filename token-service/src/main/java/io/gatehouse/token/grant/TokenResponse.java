package io.gatehouse.token.grant;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A successful token response (RFC 6749 5.1; OIDC Core 3.1.3.3): refresh_token and id_token are null when not
 * issued. token_type is always Bearer (RFC 6750).
 */
public record TokenResponse(String accessToken, long expiresIn, String scope, String refreshToken, String idToken) {

    public static final String BEARER = "Bearer";

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("access_token", accessToken);
        json.put("token_type", BEARER);
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
