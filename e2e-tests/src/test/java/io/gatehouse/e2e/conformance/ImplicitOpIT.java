package io.gatehouse.e2e.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.UserAgentDriver;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Implicit OP plan (CONFORMANCE.md section 3), for response_type id_token and id_token token. */
@Plan("Implicit OP")
class ImplicitOpIT extends ConformanceFlows {

    final RelyingParty rp = basicClient();

    @ParameterizedTest(name = "oidcc-server [{0}]")
    @ValueSource(strings = {"id_token", "id_token token"})
    void server(String responseType) {
        FrontChannel.Result r = FrontChannel.flow(rp, user(new Browser()), rp.request(responseType, "openid"));
        if (r.accessToken() != null) {
            userinfoOk(rp, r.accessToken(), r.sub());
        }
    }

    @ParameterizedTest(name = "oidcc-ensure-request-without-nonce-fails [{0}]")
    @ValueSource(strings = {"id_token", "id_token token"})
    void withoutNonceFails(String responseType) {
        Map<String, String> req = rp.request(responseType, "openid");
        req.remove("nonce");
        AuthorizationOutcome o = authorize(rp, user(new Browser()), req);
        if (o.isCallback()) {
            assertEquals("invalid_request", o.param("error"), o.toString());
            assertEquals(req.get("state"), o.param("state"));
        } else {
            assertErrorPageWithoutRedirect(o);
        }
    }

    @ParameterizedTest(name = "oidcc-scope-all [{0}]")
    @ValueSource(strings = {"id_token", "id_token token"})
    void scopeAll(String responseType) {
        FrontChannel.Result r = FrontChannel.flow(rp, user(new Browser()), rp.request(responseType, "openid profile email address phone"));
        if (r.accessToken() != null) {
            var info = userinfoOk(rp, r.accessToken(), r.sub());
            assertEquals("alice@example.com", info.getString("email"));
        } else {
            // OIDC Core 5.4: with no access token, the scope's claims are returned in the ID token.
            assertEquals("alice@example.com", r.frontIdToken().getStringClaim("email"));
            assertEquals("Alice Liddell", r.frontIdToken().getStringClaim("name"));
        }
    }

    @ParameterizedTest(name = "oidcc-prompt-none-not-logged-in [{0}]")
    @ValueSource(strings = {"id_token", "id_token token"})
    void promptNoneNotLoggedIn(String responseType) {
        Map<String, String> req = rp.request(responseType, "openid");
        req.put("prompt", "none");
        AuthorizationOutcome o = authorize(rp, user(new Browser()), req);
        assertEquals(AuthorizationOutcome.Kind.FRAGMENT, o.kind(), "errors use the response type's default mode: " + o);
        assertTrue(UI_REQUIRED.contains(o.param("error")), o.toString());
    }

    @ParameterizedTest(name = "oidcc-prompt-none-logged-in [{0}]")
    @ValueSource(strings = {"id_token", "id_token token"})
    void promptNoneLoggedIn(String responseType) {
        UserAgentDriver driver = user(new Browser());
        FrontChannel.Result first = FrontChannel.flow(rp, driver, rp.request(responseType, "openid"));
        Map<String, String> req = rp.request(responseType, "openid");
        req.put("prompt", "none");
        FrontChannel.Result second = FrontChannel.flow(rp, driver, req);
        assertEquals(0, driver.loginPages() + driver.consentPages());
        assertEquals(first.sub(), second.sub());
    }

    @ParameterizedTest(name = "oidcc-ensure-registered-redirect-uri [{0}]")
    @ValueSource(strings = {"id_token", "id_token token"})
    void registeredRedirectUri(String responseType) {
        Map<String, String> req = rp.request(responseType, "openid");
        req.put("redirect_uri", "http://localhost:9090/not-registered");
        assertErrorPageWithoutRedirect(user(new Browser()).authorize(rp.endpoint("authorization_endpoint"), req, rp.redirectUri));
    }

    @ParameterizedTest(name = "oidcc-id-token-hint [{0}]")
    @ValueSource(strings = {"id_token", "id_token token"})
    void idTokenHint(String responseType) {
        UserAgentDriver driver = user(new Browser());
        Map<String, String> req1 = rp.request(responseType, "openid");
        AuthorizationOutcome first = authorize(rp, driver, req1);
        assertSuccessfulCallback(rp, req1, first);
        Map<String, String> req = rp.request(responseType, "openid");
        req.put("prompt", "none");
        req.put("id_token_hint", first.param("id_token"));
        FrontChannel.flow(rp, driver, req);
    }
}
