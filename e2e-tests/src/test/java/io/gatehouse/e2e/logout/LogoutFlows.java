package io.gatehouse.e2e.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The common flow of the OpenID Foundation logout test plans (conformance-suite {@code AbstractOIDCCRpInitiatedLogout}):
 * log in with the code flow, send the browser to the end_session_endpoint, then prove the session ended with a
 * prompt=none request that must fail with an error that requires a user interface. Written against the specifications
 * only; the ID token is validated by the independent library inside {@link RelyingParty}.
 */
final class LogoutFlows {

    /** conformance-suite {@code CheckErrorFromAuthorizationEndpointIsOneThatRequiredAUserInterface}. */
    static final Set<String> UI_REQUIRED = Set.of("login_required", "interaction_required", "consent_required",
            "account_selection_required");
    static final String USER = "alice";
    static final String PASSWORD = "alice-password-local-only";

    private LogoutFlows() {
    }

    /** A signed-in relying party: the browser, the validated ID token and the token response. */
    record SignedIn(RelyingParty rp, Browser browser, String idToken, IDTokenClaimsSet claims, JsonPath tokens) {
        String sid() {
            return claims.getStringClaim("sid");
        }
    }

    static RelyingParty rp(String clientId, String secret, String redirectUri) {
        return new RelyingParty(RunningSuite.get().issuer(), clientId, secret, redirectUri);
    }

    /** Logs in with response_type=code in a fresh browser, redeems the code and validates the ID token. */
    static SignedIn signIn(RelyingParty rp, String scope, Map<String, String> extra) {
        Browser browser = new Browser();
        Map<String, String> request = rp.request("code", scope);
        request.putAll(extra);
        AuthorizationOutcome outcome = new UserAgentDriver(browser, USER, PASSWORD)
                .authorize(rp.endpoint("authorization_endpoint"), request, rp.redirectUri);
        assertTrue(outcome.isCallback(), "a callback: " + outcome);
        assertEquals(request.get("state"), outcome.param("state"));
        assertNotNull(outcome.param("code"), outcome.toString());
        Response token = rp.redeem(outcome.param("code"));
        assertEquals(200, token.statusCode(), token.asString());
        JsonPath tokens = token.jsonPath();
        String idToken = tokens.getString("id_token");
        IDTokenClaimsSet claims = rp.validateIdToken(idToken, request.get("nonce"));
        assertNotNull(claims.getStringClaim("sid"), "the ID token carries sid (Front-/Back-Channel Logout 1.0)");
        return new SignedIn(rp, browser, idToken, claims, tokens);
    }

    static SignedIn signIn(RelyingParty rp) {
        return signIn(rp, "openid", Map.of());
    }

    /**
     * The end_session_endpoint from discovery. Until the discovery document of this branch is generated from the
     * capability registry (another branch), the path registered there for authorize-service stands in.
     */
    static String endSessionEndpoint(RelyingParty rp) {
        String advertised = rp.discovery.getString("end_session_endpoint");
        return advertised != null ? advertised : RunningSuite.url("authorize-service") + "/end-session";
    }

    /** The browser navigates to the end_session_endpoint with these parameters (RP-Initiated Logout 1.0 section 2). */
    static Response endSession(SignedIn in, Map<String, String> params) {
        String endpoint = endSessionEndpoint(in.rp());
        return in.browser().get(params.isEmpty() ? endpoint : endpoint + "?" + UserAgentDriver.query(params));
    }

    static Map<String, String> params(String... nameValues) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            p.put(nameValues[i], nameValues[i + 1]);
        }
        return p;
    }

    /** What the modules that end on a screenshot require: a page at the OP, never a redirect. */
    static Document assertPageWithoutRedirect(Response r) {
        assertFalse(r.statusCode() >= 300 && r.statusCode() < 400, "the OP must not redirect: " + r.statusCode() + " " + r.header("Location"));
        assertTrue(String.valueOf(r.contentType()).contains("html"), "a page for the user");
        return Jsoup.parse(r.asString());
    }

    /** Whether the page asks the user to confirm the logout (a form with a "sign out"/"log out" button). */
    static boolean isLogoutConfirmation(Document page) {
        return logoutButton(page) != null;
    }

    private static Element logoutButton(Document page) {
        for (Element b : page.select("form button[name], form input[type=submit][name]")) {
            String label = (b.attr("value") + " " + b.text()).toLowerCase(Locale.ROOT);
            if (label.contains("logout") || label.contains("log out") || label.contains("sign out")) {
                return b;
            }
        }
        return null;
    }

    /** The user presses "Sign out" on the confirmation page; returns the OP's answer (not followed). */
    static Response confirmLogout(SignedIn in, Response confirmationPage) {
        Document page = Jsoup.parse(confirmationPage.asString(), endSessionEndpoint(in.rp()));
        Element button = logoutButton(page);
        assertNotNull(button, "a sign-out button on the confirmation page");
        Element form = button.closest("form");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden][name]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        fields.put(button.attr("name"), button.attr("value"));
        return in.browser().post(form.absUrl("action"), fields);
    }

    /** Whether the page tells the user they are signed out (and shows no form). */
    static boolean isSignedOutPage(Document page) {
        return page.selectFirst("form") == null && page.text().toLowerCase(Locale.ROOT).contains("signed out");
    }

    /** The redirect to post_logout_redirect_uri: its query parameters (conformance {@code CheckPostLogoutState}). */
    static Map<String, String> postLogoutRedirect(Response r, String postLogoutRedirectUri) {
        assertTrue(r.statusCode() >= 300 && r.statusCode() < 400, "a redirect: " + r.statusCode() + " " + r.asString());
        String location = r.header("Location");
        assertTrue(location.equals(postLogoutRedirectUri) || location.startsWith(postLogoutRedirectUri + "?"),
                "to the registered post_logout_redirect_uri: " + location);
        String query = URI.create(location).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** The session has ended: a prompt=none request in the same browser fails with a UI-required error. */
    static void assertPromptNoneFails(SignedIn in) {
        Map<String, String> request = in.rp().request("code", "openid");
        request.put("prompt", "none");
        AuthorizationOutcome outcome = new UserAgentDriver(in.browser(), USER, PASSWORD)
                .authorize(in.rp().endpoint("authorization_endpoint"), request, in.rp().redirectUri);
        assertTrue(outcome.isCallback(), "prompt=none answers at the redirect_uri: " + outcome);
        assertTrue(UI_REQUIRED.contains(outcome.param("error")), "prompt=none after logout: " + outcome);
        assertEquals(request.get("state"), outcome.param("state"));
    }

    /** The session is still there: prompt=none succeeds silently. */
    static void assertPromptNoneSucceeds(SignedIn in) {
        Map<String, String> request = in.rp().request("code", "openid");
        request.put("prompt", "none");
        AuthorizationOutcome outcome = new UserAgentDriver(in.browser(), USER, PASSWORD)
                .authorize(in.rp().endpoint("authorization_endpoint"), request, in.rp().redirectUri);
        assertNotNull(outcome.param("code"), "still signed in: " + outcome);
    }

    static List<String> sorted(java.util.Collection<String> c) {
        return c.stream().sorted().toList();
    }
}
