package io.gatehouse.e2e.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.RpHost;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Basic OP plan (CONFORMANCE.md section 1): response_type=code, client_secret_basic unless named otherwise. */
@Plan("Basic OP")
class BasicOpIT extends ConformanceFlows {

    final RelyingParty rp = basicClient();

    FlowResult login(Map<String, String> request) {
        return codeFlow(rp, user(new Browser()), request);
    }

    @Test
    @DisplayName("oidcc-server")
    void server() {
        FlowResult r = login(rp.request("code", "openid"));
        userinfoOk(rp, r.accessToken(), r.idToken().getSubject().getValue());
    }

    @Test
    @DisplayName("oidcc-response-type-missing")
    void responseTypeMissing() {
        Map<String, String> req = rp.request("code", "openid");
        req.remove("response_type");
        AuthorizationOutcome o = authorize(rp, user(new Browser()), req);
        if (o.isCallback()) {
            assertTrue(List.of("unsupported_response_type", "invalid_request").contains(o.param("error")), o.toString());
            assertEquals(req.get("state"), o.param("state"));
            assertFalse(o.params().containsKey("code"));
        } else {
            assertErrorPageWithoutRedirect(o);
        }
    }

    @Test
    @DisplayName("oidcc-idtoken-signature")
    void idTokenSignature() throws Exception {
        FlowResult r = login(rp.request("code", "openid"));
        SignedJWT jwt = SignedJWT.parse(r.rawIdToken());
        assertEquals("RS256", jwt.getHeader().getAlgorithm().getName(), "RS256 by default");
        String kid = jwt.getHeader().getKeyID();
        assertNotNull(kid, "kid in the header (OIDC Core 10.1)");
        List<String> kids = io.restassured.RestAssured.get(rp.endpoint("jwks_uri")).jsonPath().getList("keys.kid");
        assertTrue(kids.contains(kid));
        assertEquals(kids.size(), new java.util.HashSet<>(kids).size(), "distinct kids in the JWKS");
    }

    @Test
    @DisplayName("oidcc-idtoken-unsigned")
    void idTokenUnsigned() {
        List<String> algs = rp.discovery.getList("id_token_signing_alg_values_supported");
        assumeTrue(algs.contains("none"), "skipped: none is not in id_token_signing_alg_values_supported");
    }

    @Test
    @DisplayName("oidcc-userinfo-get")
    void userinfoGet() {
        FlowResult r = login(rp.request("code", "openid profile email"));
        JsonPath info = userinfoOk(rp, r.accessToken(), r.idToken().getSubject().getValue());
        Object verified = info.get("email_verified");
        if (verified != null) {
            assertTrue(verified instanceof Boolean, "email_verified is a boolean");
        }
        Object updated = info.get("updated_at");
        if (updated != null) {
            assertTrue(updated instanceof Number, "updated_at is a number");
        }
    }

    @Test
    @DisplayName("oidcc-userinfo-post-header")
    void userinfoPostHeader() {
        FlowResult r = login(rp.request("code", "openid"));
        Response resp = io.restassured.RestAssured.given().auth().oauth2(r.accessToken()).post(rp.endpoint("userinfo_endpoint"));
        assertEquals(200, resp.statusCode(), resp::asString);
        assertEquals(r.idToken().getSubject().getValue(), resp.jsonPath().getString("sub"));
    }

    @Test
    @DisplayName("oidcc-userinfo-post-body")
    void userinfoPostBody() {
        FlowResult r = login(rp.request("code", "openid"));
        Response resp = io.restassured.RestAssured.given().contentType("application/x-www-form-urlencoded")
                .formParam("access_token", r.accessToken()).post(rp.endpoint("userinfo_endpoint"));
        assertEquals(200, resp.statusCode(), resp::asString);
        assertEquals(r.idToken().getSubject().getValue(), resp.jsonPath().getString("sub"));
    }

    @Test
    @DisplayName("oidcc-ensure-request-without-nonce-succeeds-for-code-flow")
    void withoutNonceSucceedsForCodeFlow() {
        Map<String, String> req = rp.request("code", "openid");
        req.remove("nonce");
        FlowResult r = login(req);
        assertEquals(null, r.idToken().getNonce());
    }

    @Test
    @DisplayName("oidcc-scope-profile")
    void scopeProfile() {
        JsonPath info = scope("openid profile");
        assertNotNull(info.getString("name"));
        assertNotNull(info.getString("given_name"));
        assertNotNull(info.getString("family_name"));
    }

    @Test
    @DisplayName("oidcc-scope-email")
    void scopeEmail() {
        JsonPath info = scope("openid email");
        assertEquals("alice@example.com", info.getString("email"));
        assertEquals(Boolean.TRUE, info.get("email_verified"));
    }

    @Test
    @DisplayName("oidcc-scope-address")
    void scopeAddress() {
        JsonPath info = scope("openid address");
        assertNotNull(info.getMap("address"), "address is a JSON object");
        assertEquals("GB", info.getString("address.country"));
    }

    @Test
    @DisplayName("oidcc-scope-phone")
    void scopePhone() {
        JsonPath info = scope("openid phone");
        assertEquals("+1 555 0100", info.getString("phone_number"));
    }

    @Test
    @DisplayName("oidcc-scope-all")
    void scopeAll() {
        JsonPath info = scope("openid profile email address phone");
        assertNotNull(info.getString("name"));
        assertNotNull(info.getString("email"));
        assertNotNull(info.getMap("address"));
        assertNotNull(info.getString("phone_number"));
    }

    JsonPath scope(String scope) {
        FlowResult r = login(rp.request("code", scope));
        return userinfoOk(rp, r.accessToken(), r.idToken().getSubject().getValue());
    }

    @Test
    @DisplayName("oidcc-alternate-happy-flow")
    void alternateHappyFlow() {
        Map<String, String> base = rp.request("code", "openid profile email");
        base.put("scope", "email profile openid");
        List<String> keys = new ArrayList<>(base.keySet());
        Collections.reverse(keys);
        Map<String, String> shuffled = new LinkedHashMap<>();
        keys.forEach(k -> shuffled.put(k, base.get(k)));
        FlowResult r = login(shuffled);
        userinfoOk(rp, r.accessToken(), r.idToken().getSubject().getValue());
    }

    @Test
    @DisplayName("oidcc-display-page")
    void displayPage() {
        Map<String, String> req = rp.request("code", "openid");
        req.put("display", "page");
        login(req);
    }

    @Test
    @DisplayName("oidcc-display-popup")
    void displayPopup() {
        Map<String, String> req = rp.request("code", "openid");
        req.put("display", "popup");
        login(req);
    }

    @Test
    @DisplayName("oidcc-prompt-login")
    void promptLogin() throws Exception {
        UserAgentDriver driver = user(new Browser());
        FlowResult first = codeFlow(rp, driver, rp.request("code", "openid"));
        Thread.sleep(1100);
        Map<String, String> req = rp.request("code", "openid");
        req.put("prompt", "login");
        FlowResult second = codeFlow(rp, driver, req);
        assertEquals(1, driver.loginPages(), "prompt=login must show the login page again");
        if (first.idToken().getAuthenticationTime() != null && second.idToken().getAuthenticationTime() != null) {
            assertTrue(second.idToken().getAuthenticationTime().after(first.idToken().getAuthenticationTime()));
        }
    }

    @Test
    @DisplayName("oidcc-prompt-none-not-logged-in")
    void promptNoneNotLoggedIn() {
        Map<String, String> req = rp.request("code", "openid");
        req.put("prompt", "none");
        AuthorizationOutcome o = authorize(rp, user(new Browser()), req);
        assertTrue(o.isCallback(), "prompt=none must redirect back with an error, got " + o);
        assertTrue(UI_REQUIRED.contains(o.param("error")), o.toString());
        assertEquals(req.get("state"), o.param("state"));
    }

    @Test
    @DisplayName("oidcc-prompt-none-logged-in")
    void promptNoneLoggedIn() {
        UserAgentDriver driver = user(new Browser());
        FlowResult first = codeFlow(rp, driver, rp.request("code", "openid"));
        Map<String, String> req = rp.request("code", "openid");
        req.put("prompt", "none");
        FlowResult second = codeFlow(rp, driver, req);
        assertEquals(0, driver.loginPages() + driver.consentPages(), "no interaction with prompt=none");
        assertEquals(first.idToken().getSubject(), second.idToken().getSubject());
        assertEquals(first.idToken().getAuthenticationTime(), second.idToken().getAuthenticationTime());
    }

    @Test
    @DisplayName("oidcc-max-age-1")
    void maxAge1() throws Exception {
        UserAgentDriver driver = user(new Browser());
        FlowResult first = codeFlow(rp, driver, rp.request("code", "openid"));
        Thread.sleep(2000);
        Map<String, String> req = rp.request("code", "openid");
        req.put("max_age", "1");
        FlowResult second = codeFlow(rp, driver, req);
        assertEquals(1, driver.loginPages(), "max_age=1 after 2 s must re-authenticate");
        assertNotNull(second.idToken().getAuthenticationTime(), "auth_time is required when max_age was sent");
        if (first.idToken().getAuthenticationTime() != null) {
            assertTrue(second.idToken().getAuthenticationTime().after(first.idToken().getAuthenticationTime()));
        }
    }

    @Test
    @DisplayName("oidcc-max-age-10000")
    void maxAge10000() {
        UserAgentDriver driver = user(new Browser());
        Map<String, String> req1 = rp.request("code", "openid");
        req1.put("max_age", "15000");
        FlowResult first = codeFlow(rp, driver, req1);
        assertNotNull(first.idToken().getAuthenticationTime(), "auth_time is required when max_age was sent");
        Map<String, String> req2 = rp.request("code", "openid");
        req2.put("max_age", "10000");
        FlowResult second = codeFlow(rp, driver, req2);
        assertEquals(0, driver.loginPages(), "max_age=10000 must not re-authenticate");
        assertEquals(first.idToken().getAuthenticationTime(), second.idToken().getAuthenticationTime());
        assertEquals(first.idToken().getSubject(), second.idToken().getSubject());
    }

    @Test
    @DisplayName("oidcc-ensure-request-with-unknown-parameter-succeeds")
    void unknownParameter() {
        Map<String, String> req = rp.request("code", "openid");
        req.put("extra", "foobar");
        login(req);
    }

    @Test
    @DisplayName("oidcc-id-token-hint")
    void idTokenHint() {
        UserAgentDriver driver = user(new Browser());
        FlowResult first = codeFlow(rp, driver, rp.request("code", "openid"));
        Map<String, String> req = rp.request("code", "openid");
        req.put("prompt", "none");
        req.put("id_token_hint", first.rawIdToken());
        FlowResult second = codeFlow(rp, driver, req);
        assertEquals(first.idToken().getSubject(), second.idToken().getSubject());
    }

    @Test
    @DisplayName("oidcc-login-hint")
    void loginHint() {
        Map<String, String> req = rp.request("code", "openid");
        req.put("login_hint", "alice");
        login(req);
    }

    @Test
    @DisplayName("oidcc-ui-locales")
    void uiLocales() {
        Map<String, String> req = rp.request("code", "openid");
        req.put("ui_locales", "se");
        login(req);
    }

    @Test
    @DisplayName("oidcc-claims-locales")
    void claimsLocales() {
        Map<String, String> req = rp.request("code", "openid");
        req.put("claims_locales", "se");
        login(req);
    }

    @Test
    @DisplayName("oidcc-ensure-request-with-acr-values-succeeds")
    void acrValues() {
        Map<String, String> req = rp.request("code", "openid");
        List<String> acrs = rp.discovery.getList("acr_values_supported");
        req.put("acr_values", acrs == null || acrs.isEmpty() ? "1 2" : String.join(" ", acrs));
        login(req);
    }

    @Test
    @DisplayName("oidcc-codereuse")
    void codeReuse() {
        Map<String, String> req = rp.request("code", "openid");
        AuthorizationOutcome o = authorize(rp, user(new Browser()), req);
        assertSuccessfulCallback(rp, req, o);
        assertEquals(200, rp.redeem(o.param("code")).statusCode());
        Response again = rp.redeem(o.param("code"));
        assertInvalidGrant(again);
    }

    @Test
    @DisplayName("oidcc-codereuse-30seconds")
    void codeReuse30Seconds() throws Exception {
        Map<String, String> req = rp.request("code", "openid");
        AuthorizationOutcome o = authorize(rp, user(new Browser()), req);
        assertSuccessfulCallback(rp, req, o);
        Response first = rp.redeem(o.param("code"));
        assertEquals(200, first.statusCode());
        String accessToken = first.jsonPath().getString("access_token");
        Thread.sleep(30_000);
        assertInvalidGrant(rp.redeem(o.param("code")));
        assertEquals(401, rp.userinfo(accessToken).statusCode(), "tokens from the first redemption are revoked (RFC 6749 4.1.2)");
    }

    static void assertInvalidGrant(Response r) {
        assertEquals(400, r.statusCode(), r::asString);
        assertTrue(String.valueOf(r.contentType()).startsWith("application/json"));
        assertEquals("invalid_grant", r.jsonPath().getString("error"));
        String description = r.jsonPath().getString("error_description");
        if (description != null) {
            assertFalse(description.matches(".*[\\r\\n\\t].*"), "error_description without CR/LF/TAB");
        }
    }

    @Test
    @DisplayName("oidcc-ensure-registered-redirect-uri")
    void registeredRedirectUri() {
        Map<String, String> req = rp.request("code", "openid");
        req.put("redirect_uri", rp.redirectUri + "/" + RelyingParty.random());
        AuthorizationOutcome o = user(new Browser()).authorize(rp.endpoint("authorization_endpoint"), req, rp.redirectUri);
        assertErrorPageWithoutRedirect(o);
    }

    @Test
    @DisplayName("oidcc-ensure-post-request-succeeds")
    void postRequest() {
        Map<String, String> req = rp.request("code", "openid");
        UserAgentDriver driver = user(new Browser());
        AuthorizationOutcome o = driver.authorizeByPost(rp.endpoint("authorization_endpoint"), req, rp.redirectUri);
        assertSuccessfulCallback(rp, req, o);
        tokens(rp, req, o, rp.redeem(o.param("code")), driver);
    }

    @Test
    @DisplayName("oidcc-server-client-secret-post")
    void clientSecretPost() {
        RelyingParty post = postClient();
        Map<String, String> req = post.request("code", "openid");
        UserAgentDriver driver = user(new Browser());
        AuthorizationOutcome o = authorize(post, driver, req);
        assertSuccessfulCallback(post, req, o);
        FlowResult r = tokens(post, req, o, post.tokenWithPost(Map.of("grant_type", "authorization_code",
                "code", o.param("code"), "redirect_uri", post.redirectUri)), driver);
        userinfoOk(post, r.accessToken(), r.idToken().getSubject().getValue());
    }

    @Test
    @DisplayName("oidcc-request-uri-unsigned-supported-correctly-or-rejected-as-unsupported")
    void requestUriUnsigned() {
        RunningSuite.get(); // the TLS material the services trust is made before they start
        Map<String, String> req = rp.request("code", "openid");
        try (RpHost host = RpHost.https()) {
            // OIDC Core 6.2: the unsigned request object at a URL the client hosts (https on 127.0.0.1).
            String requestUri = host.publish("/request/" + RelyingParty.random() + ".jwt", "application/oauth-authz-req+jwt",
                    unsignedRequestObject(req));
            Map<String, String> query = new LinkedHashMap<>(Map.of("response_type", "code", "client_id", rp.clientId,
                    "scope", "openid", "redirect_uri", rp.redirectUri, "state", req.get("state"), "request_uri", requestUri));
            AuthorizationOutcome o = authorize(rp, user(new Browser()), query);
            if (o.isCallback() && o.param("error") != null) {
                assertEquals("request_uri_not_supported", o.param("error"), o.toString());
            } else {
                assertSuccessfulCallback(rp, req, o);
            }
        }
    }

    @Test
    @DisplayName("oidcc-unsigned-request-object-supported-correctly-or-rejected-as-unsupported")
    void unsignedRequestObject() {
        Map<String, String> req = rp.request("code", "openid");
        Map<String, String> query = new LinkedHashMap<>(Map.of("response_type", "code", "client_id", rp.clientId,
                "scope", "openid", "redirect_uri", rp.redirectUri));
        query.put("request", unsignedRequestObject(req));
        query.put("state", req.get("state"));
        AuthorizationOutcome o = authorize(rp, user(new Browser()), query);
        if (o.isCallback() && "request_not_supported".equals(o.param("error"))) {
            return;
        }
        assertSuccessfulCallback(rp, req, o);
        FlowResult r = tokens(rp, req, o, rp.redeem(o.param("code")), null);
        assertEquals(req.get("nonce"), r.idToken().getNonce().getValue(), "the nonce from the request object is used");
    }

    @Test
    @DisplayName("oidcc-ensure-request-object-with-redirect-uri")
    void requestObjectRedirectUri() {
        RelyingParty two = twoUriClient();
        Map<String, String> inObject = two.request("code", "openid");
        inObject.put("redirect_uri", "http://localhost:9090/cb-two");
        Map<String, String> query = new LinkedHashMap<>(Map.of("response_type", "code", "client_id", two.clientId,
                "scope", "openid", "redirect_uri", "http://localhost:9090/cb-one", "state", inObject.get("state")));
        query.put("request", unsignedRequestObject(inObject));
        // The request object's redirect_uri is expected to win; a redirect to cb-one would be followed and fail.
        AuthorizationOutcome o = user(new Browser()).authorize(two.endpoint("authorization_endpoint"), query, "http://localhost:9090/cb-two");
        if (o.isCallback()) {
            if ("request_not_supported".equals(o.param("error"))) {
                return;
            }
            assertTrue(o.location().startsWith("http://localhost:9090/cb-two"), "the request object's redirect_uri wins (OIDC Core 6.1): " + o.location());
        } else {
            assertErrorPageWithoutRedirect(o);
        }
    }

    static String unsignedRequestObject(Map<String, String> params) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        StringBuilder json = new StringBuilder("{");
        params.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        json.append('}');
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    @Test
    @DisplayName("oidcc-claims-essential")
    void claimsEssential() {
        Map<String, String> req = rp.request("code", "openid");
        req.put("claims", "{\"userinfo\":{\"name\":{\"essential\":true}}}");
        FlowResult r = login(req);
        JsonPath info = userinfoOk(rp, r.accessToken(), r.idToken().getSubject().getValue());
        assertEquals("Alice Liddell", info.getString("name"));
    }

    @Test
    @DisplayName("oidcc-refresh-token")
    void refreshToken() {
        Map<String, String> req = rp.request("code", "openid offline_access");
        req.put("prompt", "consent");
        FlowResult r = login(req);
        String refresh = r.tokens().getString("refresh_token");
        assumeTrue(refresh != null, "skipped: no refresh token issued");
        Response refreshed = rp.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertEquals(200, refreshed.statusCode(), refreshed::asString);
        assertTrue(String.valueOf(refreshed.header("Cache-Control")).contains("no-store"));
        assertNotNull(refreshed.jsonPath().getString("access_token"));
        assertNotEquals(r.accessToken(), refreshed.jsonPath().getString("access_token"));
        String newId = refreshed.jsonPath().getString("id_token");
        if (newId != null) {
            var claims = rp.validateIdToken(newId, null);
            assertEquals(r.idToken().getSubject(), claims.getSubject());
            assertEquals(r.idToken().getIssuer(), claims.getIssuer());
        }
        String next = refreshed.jsonPath().getString("refresh_token");
        Response stolen = secondClient().token(Map.of("grant_type", "refresh_token", "refresh_token", next != null ? next : refresh));
        assertInvalidGrant(stolen);
    }

    @Test
    @DisplayName("oidcc-ensure-request-with-valid-pkce-succeeds")
    void validPkce() {
        String verifier = RelyingParty.random() + RelyingParty.random();
        Map<String, String> req = rp.request("code", "openid");
        req.put("code_challenge", RelyingParty.s256(verifier));
        req.put("code_challenge_method", "S256");
        UserAgentDriver driver = user(new Browser());
        AuthorizationOutcome o = authorize(rp, driver, req);
        assertSuccessfulCallback(rp, req, o);
        tokens(rp, req, o, rp.token(Map.of("grant_type", "authorization_code", "code", o.param("code"),
                "redirect_uri", rp.redirectUri, "code_verifier", verifier)), driver);
    }
}
