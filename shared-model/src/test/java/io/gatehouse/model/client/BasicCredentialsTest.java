package io.gatehouse.model.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.error.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    static String header(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void idAndSecretAreSplitAtTheFirstColon() {
        BasicCredentials c = BasicCredentials.parse(header("client:sec:ret"));
        assertEquals("client", c.clientId());
        assertEquals("sec:ret", c.secret());
    }

    @Test
    void idAndSecretAreFormUrlDecoded() {
        // RFC 6749 2.3.1: each is application/x-www-form-urlencoded before joining.
        BasicCredentials c = BasicCredentials.parse(header("my%3Aclient:a+b%25c%2Bd%C3%A9"));
        assertEquals("my:client", c.clientId());
        assertEquals("a b%c+dé", c.secret());
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertEquals("c", BasicCredentials.parse("bAsIc " + Base64.getEncoder().encodeToString("c:s".getBytes())).clientId());
        assertTrue(BasicCredentials.isBasic("BASIC x"));
        assertFalse(BasicCredentials.isBasic("Bearer x"));
        assertFalse(BasicCredentials.isBasic("Basicx"));
    }

    @Test
    void malformedHeadersAreInvalidClient() {
        for (String bad : new String[] {"Basic", "Basic !!!", header("no-colon"), header(":secret"), header("c:%zz"),
                "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'x'})}) {
            OAuthException e = assertThrows(OAuthException.class, () -> BasicCredentials.parse(bad), bad);
            assertEquals("invalid_client", e.error().code());
        }
    }

    @Test
    void emptySecretIsKept() {
        assertEquals("", BasicCredentials.parse(header("client:")).secret());
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertFalse(BasicCredentials.parse(header("client:topsecret")).toString().contains("topsecret"));
    }
}
