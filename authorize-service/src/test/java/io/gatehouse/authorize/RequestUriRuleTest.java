package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestUriRuleTest {

    @Test
    void aClientThatRegisteredNoRequestUrisMayUseNoneByDefault() {
        assertNotNull(RequestUriRule.rejection("https://rp.example/req/1.jwt", List.of(), false, false));
    }

    @Test
    void anyHttpsUrlIsAcceptedWhenUnregisteredOnesAreAllowed() {
        assertNull(RequestUriRule.rejection("https://rp.example/req/1.jwt", List.of(), false, true));
    }

    @Test
    void httpIsRefusedUnlessAllowed() {
        assertNotNull(RequestUriRule.rejection("http://rp.example/req", List.of(), false, true));
        assertNull(RequestUriRule.rejection("http://rp.example/req", List.of(), true, true));
    }

    @Test
    void otherSchemesRelativeUrisAndMissingHostsAreRefused() {
        assertNotNull(RequestUriRule.rejection("ftp://rp.example/req", List.of(), true, true));
        assertNotNull(RequestUriRule.rejection("/req", List.of(), true, true));
        assertNotNull(RequestUriRule.rejection("https:///req", List.of(), true, true));
        assertNotNull(RequestUriRule.rejection("https://rp.example/a b", List.of(), true, true));
    }

    @Test
    void uriLongerThan512CharactersIsRefused() {
        String base = "https://rp.example/";
        assertNull(RequestUriRule.rejection(base + "a".repeat(512 - base.length()), List.of(), false, true));
        assertNotNull(RequestUriRule.rejection(base + "a".repeat(513 - base.length()), List.of(), false, true));
    }

    @Test
    void registeredRequestUrisMatchExactlyIgnoringTheFragment() {
        List<String> registered = List.of("https://rp.example/req/1#abc");
        assertNull(RequestUriRule.rejection("https://rp.example/req/1", registered, false, true));
        assertNull(RequestUriRule.rejection("https://rp.example/req/1#other", registered, false, true));
        assertNotNull(RequestUriRule.rejection("https://rp.example/req/2", registered, false, true));
        assertNotNull(RequestUriRule.rejection("https://rp.example/req/1/x", registered, false, true), "no prefix match");
    }

    @Test
    void withoutFragmentDropsOnlyTheFragment() {
        assertEquals("https://rp.example/a?b=c", RequestUriRule.withoutFragment("https://rp.example/a?b=c#d"));
        assertEquals("https://rp.example/a", RequestUriRule.withoutFragment("https://rp.example/a"));
    }
}
