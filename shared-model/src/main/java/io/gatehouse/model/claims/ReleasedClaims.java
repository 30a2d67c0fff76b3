package io.gatehouse.model.claims;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user claims released for one authorization. {@code idToken} holds the user claims to add to the ID token
 * (never sub or protocol claims: the ID token builder sets those); {@code userinfo} is the complete userinfo
 * response, always with {@code sub}.
 */
public record ReleasedClaims(Map<String, Object> idToken, Map<String, Object> userinfo) {
    public ReleasedClaims {
        idToken = Collections.unmodifiableMap(new LinkedHashMap<>(idToken));
        userinfo = Collections.unmodifiableMap(new LinkedHashMap<>(userinfo));
    }
}
