package io.gatehouse.authorize.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogoutUrisTest {

    static Map<String, String> issAndSid() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("iss", "https://op.example");
        p.put("sid", "s 1");
        return p;
    }

    @Test
    void parametersStartTheQueryOfAUriWithoutOne() {
        assertEquals("https://rp.example/fc?iss=https%3A%2F%2Fop.example&sid=s+1",
                LogoutUris.withParameters("https://rp.example/fc", issAndSid()));
    }

    @Test
    void parametersFollowAnExistingQuery() {
        assertEquals("https://rp.example/fc?x=1&iss=https%3A%2F%2Fop.example&sid=s+1",
                LogoutUris.withParameters("https://rp.example/fc?x=1", issAndSid()));
        assertEquals("https://rp.example/fc?x=1&state=a",
                LogoutUris.withParameters("https://rp.example/fc?x=1&", Map.of("state", "a")));
        assertEquals("https://rp.example/fc?state=a", LogoutUris.withParameters("https://rp.example/fc?", Map.of("state", "a")));
    }

    @Test
    void parametersGoBeforeAFragment() {
        assertEquals("https://rp.example/bye?state=a#top", LogoutUris.withParameters("https://rp.example/bye#top", Map.of("state", "a")));
    }

    @Test
    void noParametersLeaveTheUriAsRegistered() {
        assertEquals("https://rp.example/bye", LogoutUris.withParameters("https://rp.example/bye", Map.of()));
    }

    @Test
    void stateIsEncoded() {
        assertEquals("https://rp.example/bye?state=a%26b%3Dc+d", LogoutUris.withParameters("https://rp.example/bye", Map.of("state", "a&b=c d")));
    }

    @Test
    void originIsSchemeHostAndPort() {
        assertEquals("https://rp.example", LogoutUris.origin("https://RP.example/fc?x=1"));
        assertEquals("http://127.0.0.1:8080", LogoutUris.origin("http://127.0.0.1:8080/fc"));
        assertEquals("https://[::1]:8443", LogoutUris.origin("https://[::1]:8443/"));
        assertEquals("https://rp.example", LogoutUris.origin("https://user@rp.example/"));
    }

    @Test
    void onlyAbsoluteHttpUrlsHaveAnOrigin() {
        assertNull(LogoutUris.origin("javascript:alert(1)"));
        assertNull(LogoutUris.origin("data:text/html,hi"));
        assertNull(LogoutUris.origin("/relative"));
        assertNull(LogoutUris.origin("https:///nohost"));
        assertNull(LogoutUris.origin("https://a b/"));
        assertNull(LogoutUris.origin("https://rp.example;script-src */"));
        assertNull(LogoutUris.origin(null));
        assertFalse(LogoutUris.isWeb("com.example.app:/logout"));
        assertTrue(LogoutUris.isWeb("https://rp.example/fc"));
    }

    @Test
    void framedOriginsAndTheScriptNonceExtendTheStrictPolicy() {
        String csp = LogoutPages.csp(java.util.List.of("https://a.example/fc?iss=x", "https://a.example/other", "http://b.example:81/"), "n0nce");
        assertTrue(csp.startsWith(io.gatehouse.authorize.Pages.CSP));
        assertTrue(csp.contains("; frame-src https://a.example http://b.example:81"), csp);
        assertTrue(csp.contains("; script-src 'nonce-n0nce'"), csp);
        assertEquals(io.gatehouse.authorize.Pages.CSP, LogoutPages.csp(java.util.List.of(), null));
    }

    @Test
    void activeSchemesAreNeverARedirect() {
        assertNull(LogoutPages.absolute("javascript:alert(1)"));
        assertNull(LogoutPages.absolute("JavaScript:alert(1)"));
        assertNull(LogoutPages.absolute("data:text/html,x"));
        assertNull(LogoutPages.absolute("/relative"));
        assertEquals("com.example.app:/logout", String.valueOf(LogoutPages.absolute("com.example.app:/logout")));
    }
}
