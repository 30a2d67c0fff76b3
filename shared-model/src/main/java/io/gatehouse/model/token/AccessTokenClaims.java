package io.gatehouse.model.token;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Claims of a JWT access token (RFC 9068 2.2). {@code grantId} ties it to its grant, so revoking the grant
 * revokes it without storing the token. {@code jkt} is the thumbprint of the DPoP key the token is bound to, or null
 * for a bearer token; {@code act} names the actor of a delegated token (RFC 8693 4.1), or is null. For client_credentials, {@code sub} is the client_id (RFC 9068 2.2).
 */
public record AccessTokenClaims(String iss, String sub, List<String> aud, Instant exp, Instant iat, String jti,
                                String clientId, String scope, UUID grantId, Instant authTime, String acr, String jkt,
                                Map<String, Object> act) {

    public static final String GRANT_ID = "grant_id";
    /** RFC 7800 3.1, RFC 9449 6.1: the confirmation claim, carrying the DPoP key's thumbprint as {@code jkt}. */
    public static final String CNF = "cnf";
    public static final String JKT = "jkt";
    /** RFC 8693 4.1: who acts for the subject, prior actors nested inside. */
    public static final String ACT = "act";

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iss", iss);
        m.put("sub", sub);
        m.put("aud", aud.size() == 1 ? aud.get(0) : aud);
        m.put("exp", exp.getEpochSecond());
        m.put("iat", iat.getEpochSecond());
        m.put("jti", jti);
        m.put("client_id", clientId);
        if (scope != null && !scope.isEmpty()) {
            m.put("scope", scope);
        }
        m.put(GRANT_ID, grantId.toString());
        if (authTime != null) {
            m.put("auth_time", authTime.getEpochSecond());
        }
        if (acr != null) {
            m.put("acr", acr);
        }
        if (jkt != null) {
            m.put(CNF, Map.of(JKT, jkt));
        }
        if (act != null) {
            m.put(ACT, act);
        }
        return m;
    }
}
