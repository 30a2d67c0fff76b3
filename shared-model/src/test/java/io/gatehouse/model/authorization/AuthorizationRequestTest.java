package io.gatehouse.model.authorization;

import static io.gatehouse.model.authorization.TestRequests.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parsing of the authorization request and its response mode (Multiple Response Types 2.1, 5). */
class AuthorizationRequestTest {

    @Test
    void parsesTheParametersOnce() {
        AuthorizationRequest r = code("scope", "openid  profile openid", "prompt", "login consent", "ui_locales", "sv de",
                "nonce", "n", "max_age", "30", "login_hint", "alice");
        assertEquals(List.of("openid", "profile"), r.scopes(), "space-delimited, duplicates removed");
        assertEquals(Set.of(Prompt.LOGIN, Prompt.CONSENT), r.prompts());
        assertEquals(List.of("sv", "de"), r.uiLocales());
        assertEquals(30, r.maxAge().getAsLong());
        assertEquals("alice", r.loginHint());
        assertTrue(r.isOpenId());
        assertEquals(Optional.of(ResponseType.CODE), r.responseType());
    }

    @Test
    void defaultResponseModeIsQueryForCodeAndFragmentForTokens() {
        assertEquals(ResponseMode.QUERY, code().responseMode());
        for (String type : List.of("id_token", "id_token token", "code id_token", "code token", "code id_token token")) {
            assertEquals(ResponseMode.FRAGMENT, code("response_type", type).responseMode(), type);
        }
    }

    @Test
    void requestedResponseModeIsUsedExceptQueryForTokens() {
        assertEquals(ResponseMode.FORM_POST, code("response_mode", "form_post").responseMode());
        assertEquals(ResponseMode.FRAGMENT, code("response_mode", "fragment").responseMode());
        assertEquals(ResponseMode.FRAGMENT, code("response_type", "code token", "response_mode", "query").responseMode());
        assertEquals(ResponseMode.QUERY, code("response_type", "bogus").responseMode(), "errors for unknown types go in the query");
        assertEquals(ResponseMode.QUERY, code("response_mode", "bogus").responseMode());
    }

    @Test
    void responseTypeWordsInAnyOrder() {
        assertEquals(Optional.of(ResponseType.CODE_ID_TOKEN_TOKEN), ResponseType.parse("token id_token code"));
        assertEquals(Optional.of(ResponseType.ID_TOKEN_TOKEN), ResponseType.parse("token id_token"));
        assertFalse(ResponseType.parse("token").isPresent());
        assertFalse(ResponseType.parse("code code").isPresent());
    }

    @Test
    void requestObjectParametersWinAndRequestIsDropped() {
        RequestParameters sent = TestRequests.parameters("client_id", "rp", "scope", "openid", "request", "x", "state", "a", "state", "b");
        RequestParameters merged = sent.overlay(Map.of("scope", "openid email", "state", "c"));
        assertEquals("openid email", merged.get("scope"));
        assertEquals("c", merged.get("state"));
        assertEquals(null, merged.get("request"));
        assertTrue(merged.duplicated().isEmpty(), "the object's value replaces a duplicated one");
    }
}
