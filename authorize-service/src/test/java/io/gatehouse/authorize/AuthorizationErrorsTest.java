package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per error rule (OIDC Core 3.1.2.6, RFC 6749 4.1.2.1): an error page that never redirects while the
 * client or redirect_uri is not verified, otherwise a redirect with error, state and iss.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AuthorizationErrorsTest {

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    GatehouseConfig config;

    static void errorPageWithoutRedirect(Response r) {
        assertEquals(400, r.statusCode(), r.asString());
        assertNull(r.header("Location"), "never redirected");
        assertTrue(r.contentType().startsWith("text/html"));
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("no-referrer", r.header("Referrer-Policy"));
        assertTrue(r.header("Cache-Control").contains("no-store"));
    }

    Map<String, String> redirectedError(Map<String, String> req, String expected) {
        Response r = new TestBrowser().authorize(req);
        assertEquals(302, r.statusCode(), r.asString());
        Map<String, String> p = TestBrowser.callback(r);
        assertEquals(expected, p.get("error"), p.toString());
        assertEquals(req.get("state"), p.get("state"));
        assertEquals(config.issuer(), p.get("iss"));
        assertTrue(p.get("error_description") != null && !p.get("error_description").matches(".*[\\r\\n\\t\"\\\\].*"));
        assertNull(p.get("code"));
        return p;
    }

    @Test
    void unknownClientGetsAnErrorPageAndNoRedirect() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.put("client_id", "no-such-client");
        errorPageWithoutRedirect(new TestBrowser().authorize(req));
    }

    @Test
    void missingClientIdGetsAnErrorPage() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.remove("client_id");
        errorPageWithoutRedirect(new TestBrowser().authorize(req));
    }

    @Test
    void disabledClientGetsAnErrorPage() {
        errorPageWithoutRedirect(new TestBrowser().authorize(Flows.request(fixtures.client(c -> c.enabled = false), "code", "openid")));
    }

    @Test
    void unregisteredRedirectUriGetsAnErrorPageAndNoRedirect() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.put("redirect_uri", "https://rp.example/cb/extra");
        errorPageWithoutRedirect(new TestBrowser().authorize(req));
        req.put("redirect_uri", "https://rp.example/cb?x=1");
        errorPageWithoutRedirect(new TestBrowser().authorize(req));
        req.put("redirect_uri", "https://RP.example/cb");
        errorPageWithoutRedirect(new TestBrowser().authorize(req));
    }

    @Test
    void missingRedirectUriWithTwoRegisteredGetsAnErrorPage() {
        ClientEntity client = fixtures.client(c -> c.redirectUris = new ArrayList<>(List.of("https://rp.example/one", "https://rp.example/two")));
        Map<String, String> req = Flows.request(client, "code", "openid");
        req.remove("redirect_uri");
        errorPageWithoutRedirect(new TestBrowser().authorize(req));
    }

    @Test
    void duplicatedRedirectUriGetsAnErrorPage() {
        ClientEntity client = fixtures.client();
        Response r = new TestBrowser().get("/authorize?response_type=code&scope=openid&client_id=" + client.clientId
                + "&redirect_uri=https%3A%2F%2Frp.example%2Fcb&redirect_uri=https%3A%2F%2Fevil.example%2Fcb");
        errorPageWithoutRedirect(r);
    }

    @Test
    void duplicatedParameterIsInvalidRequest() {
        ClientEntity client = fixtures.client();
        Response r = new TestBrowser().get("/authorize?response_type=code&scope=openid&client_id=" + client.clientId
                + "&redirect_uri=https%3A%2F%2Frp.example%2Fcb&state=s1&nonce=a&nonce=b");
        Map<String, String> p = TestBrowser.callback(r);
        assertEquals("invalid_request", p.get("error"));
        assertEquals("s1", p.get("state"));
    }

    @Test
    void postedRequestTooLargeForARedirectGetsAnErrorPage() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.put("state", "s".repeat(40_000));
        Response r = new TestBrowser().post("/authorize", req);
        errorPageWithoutRedirect(r);
        assertTrue(!r.asString().contains("sssssssssssssssssssssssssssssssssssssss"), "nothing of the request echoed");
    }

    @Test
    void malformedPercentEncodingInAFormIsInvalidRequestNotServerError() {
        for (String path : List.of("/authorize", "/login", "/consent", "/device", "/par")) {
            for (String body : List.of("client_id=%", "state=%zz&client_id=x", "request=%C")) {
                Response r = io.restassured.RestAssured.given().contentType("application/x-www-form-urlencoded")
                        .body(body).post(path);
                assertEquals(400, r.statusCode(), path + " " + body + ": " + r.asString());
                assertEquals("invalid_request", r.jsonPath().getString("error"), path + " " + body);
            }
        }
    }

    @Test
    void missingResponseTypeIsInvalidRequestInTheQuery() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.remove("response_type");
        redirectedError(req, "invalid_request");
    }

    @Test
    void unsupportedResponseTypeIsUnsupportedResponseType() {
        redirectedError(Flows.request(fixtures.client(), "token", "openid"), "unsupported_response_type");
        redirectedError(Flows.request(fixtures.client(), "code code", "openid"), "unsupported_response_type");
    }

    @Test
    void unknownResponseModeIsInvalidRequest() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.put("response_mode", "web_message");
        redirectedError(req, "invalid_request");
    }

    @Test
    void scopeNotRegisteredForTheClientIsInvalidScope() {
        redirectedError(Flows.request(fixtures.client(), "code", "openid admin"), "invalid_scope");
    }

    @Test
    void missingScopeIsInvalidScope() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.remove("scope");
        redirectedError(req, "invalid_scope");
    }

    @Test
    void nonceMissingForImplicitIsInvalidRequestInTheFragment() {
        Map<String, String> req = Flows.request(fixtures.client(), "id_token", "openid");
        req.remove("nonce");
        Response r = new TestBrowser().authorize(req);
        URI uri = URI.create(r.header("Location"));
        Map<String, String> p = TestBrowser.parse(uri.getRawFragment());
        assertEquals("invalid_request", p.get("error"));
        assertEquals(req.get("state"), p.get("state"));
        assertEquals(config.issuer(), p.get("iss"));
    }

    @Test
    void nonceMissingForHybridWithIdTokenIsInvalidRequest() {
        Map<String, String> req = Flows.request(fixtures.client(), "code id_token", "openid");
        req.remove("nonce");
        Map<String, String> p = TestBrowser.parse(URI.create(new TestBrowser().authorize(req).header("Location")).getRawFragment());
        assertEquals("invalid_request", p.get("error"));
    }

    @Test
    void idTokenWithoutOpenidScopeIsInvalidRequest() {
        Map<String, String> req = Flows.request(fixtures.client(), "id_token", "profile");
        Map<String, String> p = TestBrowser.parse(URI.create(new TestBrowser().authorize(req).header("Location")).getRawFragment());
        assertEquals("invalid_request", p.get("error"));
    }

    @Test
    void promptNoneCombinedWithAnotherValueIsInvalidRequest() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.put("prompt", "none login");
        redirectedError(req, "invalid_request");
    }

    @Test
    void unknownPromptValueIsInvalidRequest() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.put("prompt", "sometimes");
        redirectedError(req, "invalid_request");
    }

    @Test
    void negativeMaxAgeIsInvalidRequest() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.put("max_age", "-1");
        redirectedError(req, "invalid_request");
    }

    @Test
    void malformedClaimsParameterIsInvalidRequest() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.put("claims", "{\"userinfo\": 5}");
        redirectedError(req, "invalid_request");
    }

    @Test
    void pkceIsRequiredForPublicClients() {
        ClientEntity client = fixtures.client(c -> {
            c.tokenEndpointAuthMethod = "none";
            c.secretHash = null;
        });
        redirectedError(Flows.request(client, "code", "openid"), "invalid_request");
    }

    @Test
    void plainPkceMethodIsRefusedByDefault() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.put("code_challenge", "a".repeat(43));
        redirectedError(req, "invalid_request"); // no method means plain (RFC 7636 4.3)
        req.put("code_challenge_method", "plain");
        redirectedError(req, "invalid_request");
    }

    @Test
    void promptNoneWithoutSessionIsLoginRequired() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.put("prompt", "none");
        redirectedError(req, "login_required");
    }

    @Test
    void unknownParametersAreIgnored() {
        Map<String, String> req = Flows.request(fixtures.client(c -> c.firstParty = true), "code", "openid");
        req.put("extra", "foobar");
        req.put("display", "popup");
        req.put("claims_locales", "se");
        req.put("acr_values", "1 2");
        Response r = Flows.run(new TestBrowser(), req, fixtures.user());
        assertTrue(TestBrowser.callback(r).containsKey("code"));
    }

    @Test
    void requestUriThatIsNoHttpUrlIsInvalidRequestUri() {
        ClientEntity client = fixtures.client(c -> c.metadata.put("request_uris", new java.util.ArrayList<>(List.of("https://rp.example/request/1"))));
        Map<String, String> req = Flows.request(client, "code", "openid");
        req.put("request_uri", "ftp://rp.example/request/1");
        redirectedError(req, "invalid_request_uri"); // OIDC Core 6.4
    }

    @Test
    void unknownPushedRequestUriIsInvalidRequestUri() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.put("request_uri", "urn:ietf:params:oauth:request_uri:nope");
        redirectedError(req, "invalid_request_uri");
    }
}
