package io.gatehouse.model.token;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Claims of an ID token (OIDC Core 2, 3.1.3.6, 3.2.2.10, 3.3.2.11). Optional members are null when absent and
 * then left out. {@code extra} carries the user claims put in the ID token (scopes or claims request).
 */
public record IdTokenClaims(String iss, String sub, String aud, Instant exp, Instant iat, Instant authTime,
                            String nonce, String acr, List<String> amr, String azp, String sid,
                            String atHash, String cHash, Map<String, Object> extra) {

    /**
     * Whether a verified JWT signed with Gatehouse's keys is an ID token, as an id_token_hint must be (OIDC Core
     * 3.1.2.1; RP-Initiated Logout 2): typ {@code JWT} or none, and the claims OIDC Core 2 requires of every ID token,
     * {@code exp} and {@code iat} among them. Access tokens ({@code at+jwt}), logout tokens ({@code logout+jwt}) and
     * signed userinfo responses (no {@code exp}, OIDC Core 5.3.2) share the keys and are not hints.
     */
    public static boolean isIdToken(String typ, Map<String, Object> claims) {
        return (typ == null || "JWT".equals(typ)) && claims.get("iss") instanceof String && claims.get("sub") instanceof String
                && claims.get("aud") != null && claims.get("exp") instanceof Number && claims.get("iat") instanceof Number;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (extra != null) {
            m.putAll(extra);
        }
        m.put("iss", iss);
        m.put("sub", sub);
        m.put("aud", aud);
        m.put("exp", exp.getEpochSecond());
        m.put("iat", iat.getEpochSecond());
        putIfPresent(m, "auth_time", authTime == null ? null : authTime.getEpochSecond());
        putIfPresent(m, "nonce", nonce);
        putIfPresent(m, "acr", acr);
        if (amr != null && !amr.isEmpty()) {
            m.put("amr", amr);
        }
        putIfPresent(m, "azp", azp);
        putIfPresent(m, "sid", sid);
        putIfPresent(m, "at_hash", atHash);
        putIfPresent(m, "c_hash", cHash);
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String name, Object value) {
        if (value != null) {
            m.put(name, value);
        }
    }
}
