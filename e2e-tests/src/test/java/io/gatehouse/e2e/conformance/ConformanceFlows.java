package io.gatehouse.e2e.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every conformance module does (CONFORMANCE.md section 0): discovery, an authorization request with a
 * random state and nonce, the callback checks, the token request, the ID token checks with an independent
 * validator, then userinfo.
 */
@ExtendWith(ConformanceReport.class)
abstract class ConformanceFlows {

    static final String USER = "alice";
    static final String PASSWORD = "alice-password-local-only";
    static final Set<String> UI_REQUIRED = Set.of("login_required", "interaction_required", "consent_required",
            "account_selection_required");

    static RelyingParty basicClient() {
        return new RelyingParty(RunningSuite.get().issuer(), "conformance-basic", "conformance-basic-secret-0123456789",
                "http://localhost:9090/cb");
    }

    static RelyingParty postClient() {
        return new RelyingParty(RunningSuite.get().issuer(), "conformance-post", "conformance-post-secret-0123456789",
                "http://localhost:9090/cb-post");
    }

    static RelyingParty secondClient() {
        return new RelyingParty(RunningSuite.get().issuer(), "conformance-second", "conformance-second-secret-0123456789",
                "http://localhost:9090/cb-second");
    }

    static RelyingParty twoUriClient() {
        return new RelyingParty(RunningSuite.get().issuer(), "conformance-two-uris", "conformance-two-uris-secret-0123456789",
                "http://localhost:9090/cb-one");
    }

    /** The result of a whole flow: the front-channel response, the token response and the validated ID token. */
    record FlowResult(AuthorizationOutcome callback, JsonPath tokens, IDTokenClaimsSet idToken, String rawIdToken,
                      String accessToken, UserAgentDriver driver) {
    }

    static UserAgentDriver user(Browser browser) {
        return new UserAgentDriver(browser, USER, PASSWORD);
    }

    static AuthorizationOutcome authorize(RelyingParty rp, UserAgentDriver driver, Map<String, String> request) {
        return driver.authorize(rp.endpoint("authorization_endpoint"), request, request.getOrDefault("redirect_uri", rp.redirectUri));
    }

    /** Callback checks: state echoed (OIDC Core 3.1.2.5), iss equals the issuer when present (RFC 9207), no error. */
    static void assertSuccessfulCallback(RelyingParty rp, Map<String, String> request, AuthorizationOutcome outcome) {
        assertTrue(outcome.isCallback(), () -> "expected a redirect to the client, got " + outcome + " " + outcome.body());
        assertNull(outcome.param("error"), () -> "error response: " + outcome.params());
        assertEquals(request.get("state"), outcome.param("state"), "state must be echoed");
        if (outcome.param("iss") != null) {
            assertEquals(rp.issuer, outcome.param("iss"), "iss in the authorization response (RFC 9207)");
        }
    }

    /** Runs a code-flow authorization (any response_type containing code) to tokens, with every standard check. */
    static FlowResult codeFlow(RelyingParty rp, UserAgentDriver driver, Map<String, String> request) {
        AuthorizationOutcome outcome = authorize(rp, driver, request);
        assertSuccessfulCallback(rp, request, outcome);
        String code = outcome.param("code");
        assertNotNull(code, "authorization code");
        Response tokenResponse = rp.redeem(code);
        return tokens(rp, request, outcome, tokenResponse, driver);
    }

    static FlowResult tokens(RelyingParty rp, Map<String, String> request, AuthorizationOutcome outcome,
                             Response tokenResponse, UserAgentDriver driver) {
        assertEquals(200, tokenResponse.statusCode(), () -> "token endpoint: " + tokenResponse.asString());
        assertTrue(String.valueOf(tokenResponse.contentType()).startsWith("application/json"));
        assertTrue(String.valueOf(tokenResponse.header("Cache-Control")).contains("no-store"), "token responses are not cached");
        JsonPath json = tokenResponse.jsonPath();
        String accessToken = json.getString("access_token");
        assertNotNull(accessToken, "access_token");
        assertTrue("Bearer".equalsIgnoreCase(json.getString("token_type")), "token_type Bearer");
        assertTrue(json.getLong("expires_in") > 0, "expires_in");
        String idToken = json.getString("id_token");
        assertNotNull(idToken, "id_token (scope openid)");
        IDTokenClaimsSet claims = rp.validateIdToken(idToken, request.get("nonce"));
        assertNotNull(claims.getSubject());
        return new FlowResult(outcome, json, claims, idToken, accessToken, driver);
    }

    static JsonPath userinfoOk(RelyingParty rp, String accessToken, String expectedSub) {
        Response r = rp.userinfo(accessToken);
        assertEquals(200, r.statusCode(), () -> "userinfo: " + r.asString());
        assertTrue(String.valueOf(r.contentType()).startsWith("application/json"), "userinfo JSON (OIDC Core 5.3.2)");
        JsonPath json = r.jsonPath();
        assertEquals(expectedSub, json.getString("sub"), "userinfo sub equals the ID token sub");
        return json;
    }

    /** An error-path module that must never redirect (OIDC Core 3.1.2.6): an OP page, 4xx, no Location. */
    static void assertErrorPageWithoutRedirect(AuthorizationOutcome outcome) {
        assertFalse(outcome.isCallback(), () -> "the OP must not redirect: " + outcome);
        assertTrue(outcome.status() >= 400 && outcome.status() < 500, "an error page, got status " + outcome.status());
    }
}
