package io.gatehouse.model.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 16.11: only an ID token is an id_token_hint (OIDC Core 2, 3.1.2.1). */
class IdTokenClaimsTest {

    static Map<String, Object> idToken() {
        return new HashMap<>(Map.of("iss", "https://op.example", "sub", "u1", "aud", "rp", "exp", 2_000_000_000L, "iat", 1_900_000_000L));
    }

    @Test
    void anIdTokenIsAHint() {
        assertTrue(IdTokenClaims.isIdToken(null, idToken()));
        assertTrue(IdTokenClaims.isIdToken("JWT", idToken()));
    }

    @Test
    void aSignedUserinfoResponseIsNotAHint() {
        Map<String, Object> userinfo = idToken();
        userinfo.remove("exp"); // OIDC Core 5.3.2: iss, aud, iat and the user's claims, no exp
        assertFalse(IdTokenClaims.isIdToken("JWT", userinfo));
    }

    @Test
    void otherTokenTypesAndIncompleteClaimsAreNotHints() {
        assertFalse(IdTokenClaims.isIdToken("at+jwt", idToken()));
        assertFalse(IdTokenClaims.isIdToken("logout+jwt", idToken()));
        for (String required : new String[] {"iss", "sub", "aud", "exp", "iat"}) {
            Map<String, Object> claims = idToken();
            claims.remove(required);
            assertFalse(IdTokenClaims.isIdToken(null, claims), required);
        }
        Map<String, Object> textExp = idToken();
        textExp.put("exp", "soon");
        assertFalse(IdTokenClaims.isIdToken(null, textExp));
    }
}
