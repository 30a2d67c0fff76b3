package io.gatehouse.model.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.error.OAuthError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendering of responses per mode (RFC 6749 3.1.2, 4.1.2.1; Multiple Response Types 2.1; Form Post 2; RFC 9207). */
class AuthorizationResponseTest {

    static Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("code", "abc");
        p.put("state", "a b&c");
        p.put("iss", "https://op.example");
        return p;
    }

    @Test
    void queryModeAppendsToTheRedirectUriKeepingItsQuery() {
        assertEquals("https://rp.example/cb?code=abc&state=a+b%26c&iss=https%3A%2F%2Fop.example",
                new AuthorizationResponse("https://rp.example/cb", ResponseMode.QUERY, params()).location());
        assertEquals("https://rp.example/cb?x=1&code=abc&state=a+b%26c&iss=https%3A%2F%2Fop.example",
                new AuthorizationResponse("https://rp.example/cb?x=1", ResponseMode.QUERY, params()).location());
    }

    @Test
    void fragmentModePutsEverythingInTheFragment() {
        assertEquals("https://rp.example/cb#code=abc&state=a+b%26c&iss=https%3A%2F%2Fop.example",
                new AuthorizationResponse("https://rp.example/cb", ResponseMode.FRAGMENT, params()).location());
    }

    @Test
    void errorCarriesErrorDescriptionStateAndIssWithoutForbiddenCharacters() {
        AuthorizationResponse r = AuthorizationResponse.error("https://rp.example/cb", ResponseMode.QUERY,
                OAuthError.invalidRequest("bad \"value\"\n here\\"), "st", "https://op.example");
        assertTrue(r.isError());
        assertEquals("invalid_request", r.parameters().get("error"));
        assertEquals("bad  value   here ", r.parameters().get("error_description"));
        assertEquals("st", r.parameters().get("state"));
        assertEquals("https://op.example", r.parameters().get("iss"));
        AuthorizationResponse noState = AuthorizationResponse.error("https://rp.example/cb", ResponseMode.QUERY,
                OAuthError.invalidRequest("x"), null, "https://op.example");
        assertFalse(noState.parameters().containsKey("state"));
    }

    @Test
    void formPostPageIsAnAutoSubmittingFormWithEscapedValues() {
        Map<String, String> p = params();
        p.put("state", "\"><script>alert(1)</script>");
        String html = FormPostPage.render(new AuthorizationResponse("https://rp.example/cb?a=1&b=2", ResponseMode.FORM_POST, p), "N0nce");
        assertTrue(html.contains("<form method=\"post\" action=\"https://rp.example/cb?a=1&amp;b=2\">"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"code\" value=\"abc\">"));
        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
        assertFalse(html.contains("<script>alert"));
        assertTrue(html.contains("<noscript>"));
        assertTrue(html.contains("<script nonce=\"N0nce\">document.forms[0].submit();</script>"));
        assertThrows(IllegalStateException.class, () -> new AuthorizationResponse("https://rp.example/cb", ResponseMode.FORM_POST, p).location());
    }
}
