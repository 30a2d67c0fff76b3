package io.gatehouse.model.bearer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BearerTokenExtractionTest {

    static BearerChallenge refusal(List<String> header, List<String> form, List<String> query) {
        return assertThrows(BearerChallenge.class, () -> BearerTokenExtraction.extract(header, form, query));
    }

    @Test
    void tokenFromAuthorizationHeaderWithCaseInsensitiveScheme() {
        assertEquals("abc.def-_~+/=", BearerTokenExtraction.extract(List.of("Bearer abc.def-_~+/="), List.of(), null));
        assertEquals("abc", BearerTokenExtraction.extract(List.of("bearer   abc"), List.of(), null));
    }

    @Test
    void tokenFromFormBody() {
        assertEquals("abc", BearerTokenExtraction.extract(null, List.of("abc"), List.of()));
    }

    @Test
    void noTokenAtAllGivesBareChallenge() {
        BearerChallenge c = refusal(List.of(), List.of(), List.of());
        assertEquals(401, c.status());
        assertNull(c.error());
        assertEquals("Bearer", c.wwwAuthenticate());
    }

    @Test
    void otherAuthorizationSchemeIsNoBearerToken() {
        assertEquals("Bearer", refusal(List.of("Basic YTpi"), List.of(), null).wwwAuthenticate());
        assertEquals("Bearer", refusal(List.of("Bearerabc"), List.of(), null).wwwAuthenticate());
    }

    @Test
    void tokenInHeaderAndBodyIsInvalidRequest() {
        BearerChallenge c = refusal(List.of("Bearer abc"), List.of("abc"), null);
        assertEquals(400, c.status());
        assertEquals("invalid_request", c.error());
    }

    @Test
    void tokenInQueryIsInvalidRequest() {
        assertEquals("invalid_request", refusal(List.of(), List.of(), List.of("abc")).error());
    }

    @Test
    void repeatedTokenIsInvalidRequest() {
        assertEquals("invalid_request", refusal(List.of(), List.of("a", "b"), null).error());
        assertEquals("invalid_request", refusal(List.of("Bearer a", "Bearer b"), List.of(), null).error());
    }

    @Test
    void emptyOrMalformedAttemptedTokenIsInvalidToken() {
        for (BearerChallenge c : List.of(refusal(List.of("Bearer"), List.of(), null), refusal(List.of("Bearer  "), List.of(), null),
                refusal(List.of(), List.of(""), null), refusal(List.of("Bearer a b"), List.of(), null),
                refusal(List.of("Bearer a\"b"), List.of(), null))) {
            assertEquals(401, c.status());
            assertEquals("invalid_token", c.error());
            assertEquals("Bearer error=\"invalid_token\", error_description=\"" + c.description() + "\"", c.wwwAuthenticate());
        }
    }

    @Test
    void insufficientScopeNamesTheScope() {
        BearerChallenge c = BearerChallenge.insufficientScope("openid", "no \"openid\"");
        assertEquals(403, c.status());
        assertEquals("Bearer error=\"insufficient_scope\", error_description=\"no 'openid'\", scope=\"openid\"", c.wwwAuthenticate());
    }
}
