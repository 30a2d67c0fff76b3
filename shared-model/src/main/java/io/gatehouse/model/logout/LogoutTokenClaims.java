package io.gatehouse.model.logout;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Claims of a logout token (Back-Channel Logout 1.0 section 2.4): iss, aud, iat, exp, jti, events with the
 * back-channel logout event, sid and/or sub; a nonce is prohibited and never added.
 */
public record LogoutTokenClaims(String iss, String aud, Instant iat, Instant exp, String jti, String sub, String sid) {

    public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    public LogoutTokenClaims {
        if (sub == null && sid == null) {
            throw new IllegalArgumentException("a logout token carries sub, sid or both");
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iss", iss);
        m.put("aud", aud);
        m.put("iat", iat.getEpochSecond());
        m.put("exp", exp.getEpochSecond());
        m.put("jti", jti);
        if (sub != null) {
            m.put("sub", sub);
        }
        if (sid != null) {
            m.put("sid", sid);
        }
        m.put("events", Map.of(EVENT, Map.of()));
        return m;
    }
}
