package io.gatehouse.token.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatehouse.model.error.OAuthException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenRequestTest {

    @Test
    void grantTypeAndParametersAreRead() {
        TokenRequest r = TokenRequest.parse(Map.of("grant_type", List.of("authorization_code"), "code", List.of("c")));
        assertEquals("authorization_code", r.grantType());
        assertEquals("c", r.required("code"));
        assertNull(r.optional("redirect_uri"));
    }

    @Test
    void missingGrantTypeOrRequiredParameterIsInvalidRequest() {
        assertEquals("invalid_request", assertThrows(OAuthException.class,
                () -> TokenRequest.parse(Map.of("code", List.of("c")))).error().code());
        TokenRequest r = TokenRequest.parse(Map.of("grant_type", List.of("authorization_code")));
        assertEquals("invalid_request", assertThrows(OAuthException.class, () -> r.required("code")).error().code());
    }

    @Test
    void repeatedParameterIsInvalidRequest() {
        assertEquals("invalid_request", assertThrows(OAuthException.class,
                () -> TokenRequest.parse(Map.of("grant_type", List.of("a", "a")))).error().code());
    }
}
