package io.gatehouse.e2e.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.conformance.ConformanceReport;
import io.gatehouse.e2e.conformance.Plan;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.gatehouse.launcher.Suite;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Services killed (SIGKILL) in the middle of a user's flow and started again: every step after the restart is the
 * same request the browser or client would retry, with the same cookies, and it completes, because the pending
 * request, the session, the consent and the code live in PostgreSQL, not in a service's memory.
 */
@ExtendWith(ConformanceReport.class)
@Plan("Robustness: faults")
class ServiceRestartIT {

    static final Duration START = Duration.ofSeconds(60);
    static final String CLIENT = "conformance-basic";
    static final String REDIRECT = "http://localhost:9090/cb";

    @Test
    @DisplayName("authorize-service killed on the login and consent pages, token-service before redemption: the flow completes")
    void flowSurvivesRestartsOfAuthorizeAndTokenService() {
        Suite suite = RunningSuite.get();
        String authorize = RunningSuite.url("authorize-service");
        RelyingParty rp = new RelyingParty(suite.issuer(), CLIENT, "conformance-basic-secret-0123456789", REDIRECT);
        Map<String, String> request = rp.request("code", "openid profile");
        request.put("prompt", "consent");
        Browser browser = new Browser();

        // 1. The login page is shown; authorize-service dies; the user's post fails; it comes back; the same post works.
        Response toLogin = browser.get(authorize + "/authorize?" + UserAgentDriver.query(request));
        String loginUrl = URI.create(authorize).resolve(toLogin.header("Location")).toString();
        Map<String, String> login = form(browser.get(loginUrl));
        login.put("username", "alice");
        login.put("password", "alice-password-local-only");
        login.put("action", "login");
        suite.kill("authorize-service");
        assertThrows(Exception.class, () -> browser.post(authorize + "/login", login), "the service is down");
        suite.revive("authorize-service", START);
        Response toConsent = browser.post(authorize + "/login", login);
        assertEquals(303, toConsent.statusCode(), toConsent::asString);

        // 2. The consent page is shown; authorize-service restarts; the session and the pending request are still there.
        Map<String, String> consent = form(browser.get(URI.create(authorize).resolve(toConsent.header("Location")).toString()));
        consent.put("decision", "allow");
        suite.restart("authorize-service", START);
        Response callback = browser.post(authorize + "/consent", consent);
        assertEquals(302, callback.statusCode(), callback::asString);
        Map<String, String> params = query(callback.header("Location"));
        assertEquals(request.get("state"), params.get("state"));
        String code = params.get("code");
        assertNotNull(code, params::toString);

        // 3. token-service dies between the code's issue and its redemption; the client retries the redemption.
        suite.kill("token-service");
        assertThrows(Exception.class, () -> rp.redeem(code), "the service is down");
        suite.revive("token-service", START);
        Response tokens = rp.redeem(code);
        assertEquals(200, tokens.statusCode(), tokens::asString);
        IDTokenClaimsSet idToken = rp.validateIdToken(tokens.jsonPath().getString("id_token"), request.get("nonce"));
        Response userinfo = rp.userinfo(tokens.jsonPath().getString("access_token"));
        assertEquals(200, userinfo.statusCode(), userinfo::asString);
        assertEquals(idToken.getSubject().getValue(), userinfo.jsonPath().getString("sub"));

        // 4. Nothing was lost: the same browser gets a code silently (session and consent survived both restarts).
        Map<String, String> silent = rp.request("code", "openid profile");
        silent.put("prompt", "none");
        UserAgentDriver driver = new UserAgentDriver(browser, "alice", "wrong-password-never-used");
        AuthorizationOutcome again = driver.authorize(authorize + "/authorize", silent, REDIRECT);
        assertTrue(again.isCallback() && again.param("code") != null, () -> "prompt=none answered with a code: " + again + " " + again.body());
        assertEquals(0, driver.loginPages() + driver.consentPages(), "no page shown");
        Response second = rp.redeem(again.param("code"));
        assertEquals(200, second.statusCode(), second::asString);
        assertEquals(idToken.getSubject(), rp.validateIdToken(second.jsonPath().getString("id_token"), silent.get("nonce")).getSubject());
    }

    static Map<String, String> form(Response page) {
        assertEquals(200, page.statusCode(), page::asString);
        Element form = Jsoup.parse(page.asString()).selectFirst("form");
        assertNotNull(form, page::asString);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        return fields;
    }

    static Map<String, String> query(String location) {
        assertTrue(location != null && location.startsWith(REDIRECT + "?"), "a redirect to the client: " + location);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }
}
