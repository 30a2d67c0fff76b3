package io.gatehouse.e2e.conformance;

import static io.gatehouse.e2e.conformance.DynamicClients.basicMetadata;
import static io.gatehouse.e2e.conformance.DynamicClients.register;
import static io.gatehouse.e2e.conformance.DynamicClients.registered;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.conformance.DynamicClients.Registered;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.RpHost;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pairwise subject identifiers over HTTP across the four services (OIDC Core 8.1, OIDC Registration 5): registered
 * at /register, the same sub at every client of one sector and in every place the client sees it (ID token,
 * userinfo, introspection, id_token_hint), a different one in another sector and for public clients.
 */
class PairwiseSubjectsIT {

    static final String USER = ConformanceFlows.USER;
    static final String PASSWORD = ConformanceFlows.PASSWORD;
    static RpHost rpTlsHost;

    @BeforeAll
    static void startHost() {
        RunningSuite.get();
        rpTlsHost = RpHost.https();
    }

    @AfterAll
    static void stopHost() {
        if (rpTlsHost != null) {
            rpTlsHost.close();
        }
    }

    record Signed(String sub, String idToken, String accessToken, JsonPath tokens) {
    }

    static Registered pairwise(String redirectUri, Map<String, Object> extra) {
        Map<String, Object> m = basicMetadata(redirectUri);
        m.put("subject_type", "pairwise");
        m.put("grant_types", List.of("authorization_code", "refresh_token"));
        m.putAll(extra);
        return registered(m, null);
    }

    static Signed signIn(Registered c, UserAgentDriver driver, Map<String, String> extra) {
        Map<String, String> request = c.rp().request("code", "openid profile");
        request.putAll(extra);
        AuthorizationOutcome o = driver.authorize(c.rp().endpoint("authorization_endpoint"), request, c.rp().redirectUri);
        assertTrue(o.isCallback() && o.param("code") != null, () -> "no code: " + o);
        Response t = c.redeem(o.param("code"), c.rp().redirectUri);
        assertEquals(200, t.statusCode(), t::asString);
        String idToken = t.jsonPath().getString("id_token");
        String sub = c.rp().validateIdToken(idToken, request.get("nonce")).getSubject().getValue();
        return new Signed(sub, idToken, t.jsonPath().getString("access_token"), t.jsonPath());
    }

    static JsonPath introspect(Registered as, String token) {
        Response r = given().auth().preemptive().basic(as.clientId(), as.rp().clientSecret).formParam("token", token)
                .post(as.rp().endpoint("introspection_endpoint"));
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    @Test
    void oneSectorOneSubjectEverywhereAnotherSectorAnother() {
        String sectorPath = "/sector/" + RelyingParty.random() + ".json";
        String cRedirect = "http://localhost:9090/pw-c";
        String sectorUri = rpTlsHost.publish(sectorPath, "application/json", "[\"" + cRedirect + "\"]");
        Registered a = pairwise("http://localhost:9090/pw-a", Map.of());
        Registered b = pairwise("http://localhost:9090/pw-b", Map.of());
        Registered c = pairwise(cRedirect, Map.of("sector_identifier_uri", sectorUri)); // sector 127.0.0.1
        assertEquals("pairwise", a.registration().getString("subject_type"));
        Map<String, Object> pub = basicMetadata("http://localhost:9090/pw-public");
        Registered p = registered(pub, null);

        UserAgentDriver driver = new UserAgentDriver(new Browser(), USER, PASSWORD);
        Signed sa = signIn(a, driver, Map.of());
        Signed sb = signIn(b, driver, Map.of());
        Signed sc = signIn(c, driver, Map.of());
        Signed sp = signIn(p, driver, Map.of());

        assertEquals(sa.sub(), sb.sub(), "same sector (localhost): same sub (OIDC Core 8.1)");
        assertNotEquals(sa.sub(), sc.sub(), "another sector: another sub");
        assertNotEquals(sa.sub(), sp.sub(), "a public client sees the local subject, not the pairwise one");
        assertTrue(sa.sub().matches("[A-Za-z0-9_-]{43}"), sa.sub());

        // OIDC Core 5.3.2: the userinfo sub is the ID token's.
        for (var pair : List.of(Map.entry(a, sa), Map.entry(c, sc), Map.entry(p, sp))) {
            Response info = pair.getKey().rp().userinfo(pair.getValue().accessToken());
            assertEquals(200, info.statusCode(), info::asString);
            assertEquals(pair.getValue().sub(), info.jsonPath().getString("sub"));
        }
        // RFC 7662 2.2: introspection of access and refresh tokens carries the client's sub.
        JsonPath at = introspect(a, sa.accessToken());
        assertEquals(true, at.getBoolean("active"));
        assertEquals(sa.sub(), at.getString("sub"));
        assertEquals(sc.sub(), introspect(a, sc.accessToken()).getString("sub"));
        String refresh = sa.tokens().getString("refresh_token");
        assertNotNull(refresh);
        assertEquals(sa.sub(), introspect(a, refresh).getString("sub"));

        // OIDC Core 3.1.2.1: an id_token_hint with the pairwise sub names the logged-in user: prompt=none succeeds.
        Signed again = signIn(a, driver, Map.of("prompt", "none", "id_token_hint", sa.idToken()));
        assertEquals(sa.sub(), again.sub());
        // A's hint at B (same sector) names the same user too.
        assertEquals(sa.sub(), signIn(b, driver, Map.of("prompt", "none", "id_token_hint", sa.idToken())).sub());
        // The refresh grant's ID token keeps the sub (OIDC Core 12.2).
        Response refreshed = a.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertEquals(200, refreshed.statusCode(), refreshed::asString);
        assertEquals(sa.sub(), a.rp().validateIdToken(refreshed.jsonPath().getString("id_token"), null).getSubject().getValue());
    }

    @Test
    void requestedSubOfAnotherUserIsRefusedWithPromptNone() {
        Registered a = pairwise("http://localhost:9090/pw-hint", Map.of());
        UserAgentDriver driver = new UserAgentDriver(new Browser(), USER, PASSWORD);
        Signed sa = signIn(a, driver, Map.of());
        // A sub this client never saw for the session's user: login_required (OIDC Core 3.1.2.6, 5.5.1).
        Map<String, String> request = a.rp().request("code", "openid");
        request.put("prompt", "none");
        request.put("claims", "{\"id_token\":{\"sub\":{\"value\":\"" + sa.sub() + "x\"}}}");
        AuthorizationOutcome o = driver.authorize(a.rp().endpoint("authorization_endpoint"), request, a.rp().redirectUri);
        assertEquals("login_required", o.param("error"), o::toString);
        // The sub it did see for the user is accepted.
        request = a.rp().request("code", "openid");
        request.put("prompt", "none");
        request.put("claims", "{\"id_token\":{\"sub\":{\"value\":\"" + sa.sub() + "\"}}}");
        o = driver.authorize(a.rp().endpoint("authorization_endpoint"), request, a.rp().redirectUri);
        assertNotNull(o.param("code"), o::toString);
    }

    @Test
    void pairwiseRegistrationErrors() {
        // OIDC Core 8.1: redirect URIs on several hosts need a sector_identifier_uri.
        Map<String, Object> m = basicMetadata("https://a.example/cb", "https://b.example/cb");
        m.put("subject_type", "pairwise");
        Response r = register(m);
        assertEquals(400, r.statusCode(), r::asString);
        assertEquals("invalid_client_metadata", r.jsonPath().getString("error"));
        // OIDC Registration 5: the sector document must list every redirect URI.
        String path = "/sector/" + RelyingParty.random() + ".json";
        m.put("sector_identifier_uri", rpTlsHost.publish(path, "application/json", "[\"https://a.example/cb\"]"));
        r = register(m);
        assertEquals(400, r.statusCode(), r::asString);
        assertEquals("invalid_client_metadata", r.jsonPath().getString("error"));
        // ... and must be https (OIDC Registration 2).
        m.put("sector_identifier_uri", "http://127.0.0.1:1/sector.json");
        r = register(m);
        assertEquals(400, r.statusCode(), r::asString);
        assertEquals("invalid_client_metadata", r.jsonPath().getString("error"));
        Map<String, Object> bad = basicMetadata("https://a.example/cb");
        bad.put("subject_type", "secret");
        assertEquals("invalid_client_metadata", register(bad).jsonPath().getString("error"));
    }
}
