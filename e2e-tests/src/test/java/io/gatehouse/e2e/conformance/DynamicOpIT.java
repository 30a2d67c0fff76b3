package io.gatehouse.e2e.conformance;

import static io.gatehouse.e2e.conformance.DynamicClients.assertion;
import static io.gatehouse.e2e.conformance.DynamicClients.discovery;
import static io.gatehouse.e2e.conformance.DynamicClients.newRsaKey;
import static io.gatehouse.e2e.conformance.DynamicClients.privateKeyJwtClient;
import static io.gatehouse.e2e.conformance.DynamicClients.register;
import static io.gatehouse.e2e.conformance.DynamicClients.registered;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.conformance.DynamicClients.Registered;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.RpHost;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Dynamic OP plan (CONFORMANCE.md section 6): discovery, clients registered at the registration endpoint, and
 * private_key_jwt client authentication with the client's key registered by value ({@code jwks}), except where a
 * module says otherwise. The relying party's own documents (jwks_uri, sector_identifier_uri over https,
 * request_uri) are served from this JVM on 127.0.0.1 ({@link RpHost}).
 */
@Plan("Dynamic OP")
class DynamicOpIT extends ConformanceFlows {

    static final String CALLBACK = "http://localhost:9090/dyn-cb";
    static final String ADMIN_CLIENT = "conformance-admin";
    static final String ADMIN_SECRET = "conformance-admin-secret-0123456789";

    /** The key the plan's clients register by value and sign their client assertions and request objects with. */
    static RSAKey rpKey;
    static RpHost rpHost;
    static RpHost rpTlsHost;

    @BeforeAll
    static void startRelyingPartyHosts() {
        RunningSuite.get(); // the TLS material the services trust is made before they start
        rpKey = newRsaKey();
        rpHost = RpHost.http();
        rpTlsHost = RpHost.https();
    }

    @AfterAll
    static void stopRelyingPartyHosts() {
        if (rpHost != null) {
            rpHost.close();
        }
        if (rpTlsHost != null) {
            rpTlsHost.close();
        }
    }

    static Registered registerPrivateKeyJwt(Map<String, Object> extra, String... redirectUris) {
        Map<String, Object> m = privateKeyJwtClient(rpKey, redirectUris);
        m.putAll(extra);
        return registered(m, rpKey);
    }

    /** The whole code flow of a registered client, redeeming with its own authentication, with every standard check. */
    static FlowResult flow(Registered c, Map<String, String> request) {
        UserAgentDriver driver = user(new Browser());
        AuthorizationOutcome o = authorize(c.rp(), driver, request);
        assertSuccessfulCallback(c.rp(), request, o);
        assertNotNull(o.param("code"), "authorization code");
        return tokens(c.rp(), request, o, c.redeem(o.param("code"), request.get("redirect_uri")), driver);
    }

    @Test
    @DisplayName("oidcc-idtoken-rs256")
    void idTokenRs256() throws Exception {
        Registered c = registerPrivateKeyJwt(Map.of("id_token_signed_response_alg", "RS256"), CALLBACK);
        assertEquals("RS256", c.registration().getString("id_token_signed_response_alg"));
        FlowResult r = flow(c, c.rp().request("code", "openid"));
        SignedJWT jwt = SignedJWT.parse(r.rawIdToken());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm(), "the registered id_token_signed_response_alg");
        assertNotNull(jwt.getHeader().getKeyID(), "kid in the header (OIDC Core 10.1)");
    }

    @Test
    @DisplayName("oidcc-idtoken-unsigned")
    void idTokenUnsigned() throws Exception {
        List<String> algs = discovery().getList("id_token_signing_alg_values_supported");
        assumeTrue(algs.contains("none"), "skipped: none is not in id_token_signing_alg_values_supported");
        Registered c = registerPrivateKeyJwt(Map.of("id_token_signed_response_alg", "none"), CALLBACK);
        Map<String, String> req = c.rp().request("code", "openid");
        AuthorizationOutcome o = authorize(c.rp(), user(new Browser()), req);
        assertSuccessfulCallback(c.rp(), req, o);
        Response t = c.redeem(o.param("code"), CALLBACK);
        assertEquals(200, t.statusCode(), t::asString);
        assertInstanceOf(PlainJWT.class, JWTParser.parse(t.jsonPath().getString("id_token")));
    }

    @Test
    @DisplayName("oidcc-userinfo-rs256")
    void userinfoRs256() throws Exception {
        Registered c = registerPrivateKeyJwt(Map.of("userinfo_signed_response_alg", "RS256"), CALLBACK);
        FlowResult r = flow(c, c.rp().request("code", "openid profile email"));
        Response info = c.rp().userinfo(r.accessToken());
        assertEquals(200, info.statusCode(), info::asString);
        assertTrue(String.valueOf(info.contentType()).startsWith("application/jwt"), "a signed userinfo response is application/jwt (OIDC Core 5.3.2)");
        SignedJWT jwt = SignedJWT.parse(info.asString());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        JWKSet jwks = JWKSet.parse(given().get(c.rp().endpoint("jwks_uri")).then().statusCode(200).extract().asString());
        JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "the userinfo JWT's kid is in the OP's JWKS");
        assertTrue(jwt.verify(new RSASSAVerifier(key.toRSAKey())), "the userinfo JWT verifies with the OP's key");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(r.idToken().getSubject().getValue(), claims.getSubject(), "userinfo sub equals the ID token sub");
        // OIDC Core 5.3.2: if signed, the response SHOULD contain iss and aud.
        assertEquals(c.rp().issuer, claims.getIssuer());
        assertTrue(claims.getAudience().contains(c.clientId()), "aud contains the client_id");
        assertEquals("Alice Liddell", claims.getStringClaim("name"));
    }

    @Test
    @DisplayName("oidcc-ensure-redirect-uri-in-authorization-request")
    void redirectUriRequiredWithTwoRegistered() {
        Registered c = registerPrivateKeyJwt(Map.of(), CALLBACK + "-one", CALLBACK + "-two");
        Map<String, String> req = c.rp().request("code", "openid");
        req.remove("redirect_uri");
        AuthorizationOutcome o = user(new Browser()).authorize(c.rp().endpoint("authorization_endpoint"), req, CALLBACK + "-one");
        assertErrorPageWithoutRedirect(o);
    }

    @Test
    @DisplayName("oidcc-redirect-uri-query-OK")
    void redirectUriQueryOk() {
        String registeredUri = CALLBACK + "?foo=bar";
        Registered c = registerPrivateKeyJwt(Map.of(), registeredUri);
        FlowResult r = flow(c, c.rp().request("code", "openid"));
        assertEquals("bar", r.callback().param("foo"), "the registered query is kept in the response (RFC 6749 3.1.2)");
    }

    @Test
    @DisplayName("oidcc-redirect-uri-query-mismatch")
    void redirectUriQueryMismatch() {
        Registered c = registerPrivateKeyJwt(Map.of(), CALLBACK + "?foo=bar");
        Map<String, String> req = c.rp().request("code", "openid");
        req.put("redirect_uri", CALLBACK + "?foo=baz");
        assertErrorPageWithoutRedirect(user(new Browser()).authorize(c.rp().endpoint("authorization_endpoint"), req, CALLBACK));
    }

    @Test
    @DisplayName("oidcc-redirect-uri-query-added")
    void redirectUriQueryAdded() {
        Registered c = registerPrivateKeyJwt(Map.of(), CALLBACK);
        Map<String, String> req = c.rp().request("code", "openid");
        req.put("redirect_uri", CALLBACK + "?foo=bar");
        assertErrorPageWithoutRedirect(user(new Browser()).authorize(c.rp().endpoint("authorization_endpoint"), req, CALLBACK));
    }

    @Test
    @DisplayName("oidcc-redirect-uri-regfrag")
    void redirectUriWithFragmentIsNotRegistered() {
        Response r = register(privateKeyJwtClient(rpKey, CALLBACK + "#fragment"));
        assertEquals(400, r.statusCode(), r::asString);
        assertTrue(String.valueOf(r.contentType()).startsWith("application/json"));
        assertEquals("invalid_redirect_uri", r.jsonPath().getString("error"), "RFC 7591 3.2.2");
        assertNull(r.jsonPath().getString("client_id"));
    }

    @Test
    @DisplayName("oidcc-discovery-endpoint-verification")
    void discoveryEndpointVerification() {
        JsonPath d = ConfigOpIT.verifiedDiscovery();
        // The dynamic variant: code, id_token and id_token token are all supported (word order is free).
        Set<Set<String>> responseTypes = d.getList("response_types_supported", String.class).stream()
                .map(DynamicOpIT::words).collect(Collectors.toSet());
        for (String required : List.of("code", "id_token", "token id_token")) {
            assertTrue(responseTypes.contains(words(required)), "response_types_supported lacks " + required);
        }
        List<String> grants = d.getList("grant_types_supported");
        if (grants != null) {
            assertTrue(grants.containsAll(List.of("authorization_code", "implicit")), "grant_types_supported: " + grants);
        }
        assertNotNull(d.getString("registration_endpoint"), "a dynamic OP advertises registration_endpoint");
        List<String> authMethods = d.getList("token_endpoint_auth_methods_supported");
        assertTrue(authMethods.contains("private_key_jwt"), "the plan's client authentication: " + authMethods);
        List<String> requestObjectAlgs = d.getList("request_object_signing_alg_values_supported");
        if (requestObjectAlgs != null) {
            assertTrue(requestObjectAlgs.contains("RS256"));
        }
        List<String> userinfoAlgs = d.getList("userinfo_signing_alg_values_supported");
        if (userinfoAlgs != null) {
            assertTrue(userinfoAlgs.contains("RS256"));
        }
    }

    private static Set<String> words(String responseType) {
        return Set.copyOf(Arrays.asList(responseType.split(" ")));
    }

    @Test
    @DisplayName("oidcc-server")
    void server() {
        Registered c = registerPrivateKeyJwt(Map.of(), CALLBACK);
        assertNull(c.registration().getString("client_secret"), "no secret for a private_key_jwt client");
        FlowResult r = flow(c, c.rp().request("code", "openid"));
        userinfoOk(c.rp(), r.accessToken(), r.idToken().getSubject().getValue());
    }

    @Test
    @DisplayName("oidcc-server-client-secret-jwt")
    void serverClientSecretJwt() {
        // The happy flow with client_auth_type=client_secret_jwt (OIDC Core 9): registered dynamically, the secret
        // returned once, the code redeemed with an HS256 assertion keyed by it.
        Map<String, Object> m = DynamicClients.basicMetadata(CALLBACK);
        m.put("token_endpoint_auth_method", "client_secret_jwt");
        m.put("token_endpoint_auth_signing_alg", "HS256");
        Registered c = registered(m, null);
        String secret = c.registration().getString("client_secret");
        assertNotNull(secret, "client_secret_jwt gets a secret (RFC 7591 3.2.1)");
        assertEquals("client_secret_jwt", c.registration().getString("token_endpoint_auth_method"));
        UserAgentDriver driver = user(new Browser());
        Map<String, String> request = c.rp().request("code", "openid");
        AuthorizationOutcome o = authorize(c.rp(), driver, request);
        assertSuccessfulCallback(c.rp(), request, o);
        Response t = c.rp().tokenWithAssertion(Map.of("grant_type", "authorization_code", "code", o.param("code"),
                "redirect_uri", CALLBACK), DynamicClients.hmacAssertion(c.clientId(), secret, c.rp().endpoint("token_endpoint")));
        FlowResult r = tokens(c.rp(), request, o, t, driver);
        userinfoOk(c.rp(), r.accessToken(), r.idToken().getSubject().getValue());
    }

    @Test
    @DisplayName("oidcc-registration-logo-uri")
    void registrationLogoUri() {
        String logo = "https://rp.example/logo-" + RelyingParty.random() + ".png";
        Registered c = registerPrivateKeyJwt(Map.of("logo_uri", logo), CALLBACK);
        assertEquals(logo, c.registration().getString("logo_uri"));
        Document page = loginPage(c);
        assertTrue(page.select("img").stream().anyMatch(img -> logo.equals(img.attr("src"))),
                () -> "the login page shows the client's logo: " + page.body());
        flow(c, c.rp().request("code", "openid"));
    }

    @Test
    @DisplayName("oidcc-registration-policy-uri")
    void registrationPolicyUri() {
        String policy = "https://rp.example/privacy-" + RelyingParty.random();
        Registered c = registerPrivateKeyJwt(Map.of("policy_uri", policy), CALLBACK);
        assertEquals(policy, c.registration().getString("policy_uri"));
        Document page = loginPage(c);
        assertTrue(page.select("a").stream().anyMatch(a -> policy.equals(a.attr("href"))),
                () -> "the login page links the client's policy: " + page.body());
        flow(c, c.rp().request("code", "openid"));
    }

    @Test
    @DisplayName("oidcc-registration-tos-uri")
    void registrationTosUri() {
        String tos = "https://rp.example/terms-" + RelyingParty.random();
        Registered c = registerPrivateKeyJwt(Map.of("tos_uri", tos), CALLBACK);
        assertEquals(tos, c.registration().getString("tos_uri"));
        Document page = loginPage(c);
        assertTrue(page.select("a").stream().anyMatch(a -> tos.equals(a.attr("href"))),
                () -> "the login page links the client's terms of service: " + page.body());
        flow(c, c.rp().request("code", "openid"));
    }

    /** The page a fresh browser lands on for an authorization request of {@code c}: the OP's login page. */
    static Document loginPage(Registered c) {
        Browser browser = new Browser();
        String url = c.rp().endpoint("authorization_endpoint") + "?" + UserAgentDriver.query(c.rp().request("code", "openid"));
        Response r = browser.get(url);
        for (int i = 0; i < 5 && r.statusCode() >= 300 && r.statusCode() < 400; i++) {
            url = java.net.URI.create(url).resolve(r.header("Location")).toString();
            assertFalse(url.startsWith(CALLBACK), "no redirect to the client before the login: " + url);
            r = browser.get(url);
        }
        assertEquals(200, r.statusCode());
        assertTrue(String.valueOf(r.contentType()).contains("html"));
        Document page = Jsoup.parse(r.asString(), url);
        assertNotNull(page.selectFirst("form input[type=password]"), "the login page");
        return page;
    }

    @Test
    @DisplayName("oidcc-registration-jwks-uri")
    void registrationJwksUri() {
        RSAKey key = newRsaKey();
        String path = "/jwks/" + RelyingParty.random() + ".json";
        String jwksUri = rpHost.publish(path, "application/jwk-set+json", new JWKSet(key.toPublicJWK()).toString());
        Map<String, Object> m = DynamicClients.basicMetadata(CALLBACK);
        m.put("token_endpoint_auth_method", "private_key_jwt");
        m.put("jwks_uri", jwksUri);
        Registered c = registered(m, key);
        assertEquals(jwksUri, c.registration().getString("jwks_uri"));
        FlowResult r = flow(c, c.rp().request("code", "openid"));
        assertTrue(rpHost.fetches(path) >= 1, "the OP read the client's key from its jwks_uri");
        userinfoOk(c.rp(), r.accessToken(), r.idToken().getSubject().getValue());
    }

    @Test
    @DisplayName("oidcc-registration-sector-uri")
    void registrationSectorUri() {
        String path = "/sector/" + RelyingParty.random() + ".json";
        String sector = rpTlsHost.publish(path, "application/json", "[\"" + CALLBACK + "\",\"" + CALLBACK + "-other\"]");
        // With pairwise subjects (OIDC Core 8.1), whose sector the document's host is.
        Registered c = registerPrivateKeyJwt(Map.of("sector_identifier_uri", sector, "subject_type", "pairwise"), CALLBACK);
        assertEquals(sector, c.registration().getString("sector_identifier_uri"));
        assertEquals("pairwise", c.registration().getString("subject_type"));
        assertEquals(1, rpTlsHost.fetches(path), "the OP fetched the sector identifier document over https");
        FlowResult r = flow(c, c.rp().request("code", "openid"));
        userinfoOk(c.rp(), r.accessToken(), r.idToken().getSubject().getValue());
    }

    @Test
    @DisplayName("oidcc-registration-sector-bad")
    void registrationSectorBad() {
        String path = "/sector/" + RelyingParty.random() + ".json";
        String sector = rpTlsHost.publish(path, "application/json", "[\"" + CALLBACK + "-other\"]");
        Map<String, Object> m = privateKeyJwtClient(rpKey, CALLBACK);
        m.put("sector_identifier_uri", sector);
        Response r = register(m);
        assertEquals(1, rpTlsHost.fetches(path), "the OP fetched the sector identifier document over https");
        assertEquals(400, r.statusCode(), r::asString);
        assertEquals("invalid_client_metadata", r.jsonPath().getString("error"), "OIDC Registration 5, RFC 7591 3.2.2");
    }

    @Test
    @DisplayName("oidcc-server-rotate-keys")
    void serverRotateKeys() throws Exception {
        Registered c = registerPrivateKeyJwt(Map.of(), CALLBACK);
        Map<String, String> firstRequest = c.rp().request("code", "openid");
        FlowResult before = flow(c, firstRequest);
        String oldKid = SignedJWT.parse(before.rawIdToken()).getHeader().getKeyID();

        String adminToken = adminAccessToken(c.rp());
        Response rotated = given().auth().oauth2(adminToken).formParam("alg", "RS256")
                .post(RunningSuite.url("discovery-service") + "/admin/keys/rotate");
        assertEquals(200, rotated.statusCode(), rotated::asString);
        List<String> activated = rotated.jsonPath().getList("activated");
        assertEquals(1, activated.size(), rotated::asString);
        String newKid = activated.get(0);
        assertNotEquals(oldKid, newKid);
        assertTrue(rotated.jsonPath().getList("retired").contains(oldKid), rotated::asString);

        await("the JWKS publishes the new key", () -> jwksKids(c.rp()).contains(newKid));
        assertTrue(jwksKids(c.rp()).contains(oldKid), "the retired key stays published: what it signed still verifies");
        await("token-service signs with the new key", () -> kidOf(adminAccessToken(c.rp())).equals(newKid));

        FlowResult after = flow(c, c.rp().request("code", "openid"));
        assertEquals(newKid, SignedJWT.parse(after.rawIdToken()).getHeader().getKeyID(), "the ID token is signed with the new key");
        c.rp().validateIdToken(before.rawIdToken(), firstRequest.get("nonce")); // signed with the retired key: still verifies
        userinfoOk(c.rp(), after.accessToken(), after.idToken().getSubject().getValue());
    }

    private static String adminAccessToken(RelyingParty any) {
        Response r = given().auth().preemptive().basic(ADMIN_CLIENT, ADMIN_SECRET).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("scope", "gatehouse:admin").post(any.endpoint("token_endpoint"));
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath().getString("access_token");
    }

    private static String kidOf(String jwt) {
        try {
            return SignedJWT.parse(jwt).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> jwksKids(RelyingParty rp) {
        return given().get(rp.endpoint("jwks_uri")).then().statusCode(200).extract().jsonPath().getList("keys.kid");
    }

    /** Waits for another process to act; the deadline only bounds a failure, it measures nothing. */
    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    @DisplayName("oidcc-refresh-token-rp-key-rotation")
    void refreshTokenRpKeyRotation() {
        RSAKey first = newRsaKey();
        RSAKey second = newRsaKey();
        String path = "/jwks/" + RelyingParty.random() + ".json";
        String jwksUri = rpHost.publish(path, "application/jwk-set+json", new JWKSet(first.toPublicJWK()).toString());
        Map<String, Object> m = DynamicClients.basicMetadata(CALLBACK);
        m.put("token_endpoint_auth_method", "private_key_jwt");
        m.put("jwks_uri", jwksUri);
        m.put("grant_types", List.of("authorization_code", "refresh_token"));
        Registered c = registered(m, first);
        Map<String, String> req = c.rp().request("code", "openid offline_access");
        req.put("prompt", "consent"); // OIDC Core 11
        FlowResult r = flow(c, req);
        String refresh = r.tokens().getString("refresh_token");
        assertNotNull(refresh, "a refresh token for offline_access");

        // The RP rotates its key: the jwks_uri now holds only the new one. Gatehouse re-fetches at once when an
        // assertion names a kid it does not hold, so the suite's 60-second wait for cache expiry is not needed.
        rpHost.publish(path, "application/jwk-set+json", new JWKSet(second.toPublicJWK()).toString());
        int fetchesBefore = rpHost.fetches(path);
        Response refreshed = c.rp().tokenWithAssertion(Map.of("grant_type", "refresh_token", "refresh_token", refresh),
                assertion(c.clientId(), second, c.rp().endpoint("token_endpoint")));
        assertEquals(200, refreshed.statusCode(), refreshed::asString);
        assertTrue(rpHost.fetches(path) > fetchesBefore, "the OP re-fetched the client's jwks_uri");
        assertNotNull(refreshed.jsonPath().getString("access_token"));
        String idToken = refreshed.jsonPath().getString("id_token");
        if (idToken != null) {
            assertEquals(r.idToken().getSubject(), c.rp().validateIdToken(idToken, null).getSubject());
        }
        // The old key is gone from the client's set: an assertion signed with it no longer authenticates.
        Response withOldKey = c.rp().tokenWithAssertion(Map.of("grant_type", "refresh_token", "refresh_token",
                refreshed.jsonPath().getString("refresh_token") != null ? refreshed.jsonPath().getString("refresh_token") : refresh),
                assertion(c.clientId(), first, c.rp().endpoint("token_endpoint")));
        assertTrue(withOldKey.statusCode() == 400 || withOldKey.statusCode() == 401, withOldKey::asString); // RFC 6749 5.2
        assertEquals("invalid_client", withOldKey.jsonPath().getString("error"));
    }

    @Test
    @DisplayName("oidcc-request-uri-unsigned")
    void requestUriUnsigned() {
        requestUriByReference(false);
    }

    @Test
    @DisplayName("oidcc-request-uri-signed-rs256")
    void requestUriSignedRs256() {
        requestUriByReference(true);
    }

    /**
     * OIDC Core 6.2 (mandatory for dynamic OPs, 15.2): the request object at a request_uri the client hosts (here over
     * https on 127.0.0.1, {@link RpHost#https()}) and registered as one of its {@code request_uris}. The OP fetches it,
     * verifies it (signed: with the key the client registered) and completes the code flow with its parameters.
     */
    private void requestUriByReference(boolean signed) {
        String path = "/request/" + RelyingParty.random() + ".jwt";
        String requestUri = rpTlsHost.url(path);
        Registered c = registerPrivateKeyJwt(Map.of("request_uris", List.of(requestUri)), CALLBACK);
        Map<String, String> inObject = c.rp().request("code", "openid");
        String object = signed ? DynamicClients.signedRequestObject(inObject, c.clientId(), rpKey) : BasicOpIT.unsignedRequestObject(inObject);
        rpTlsHost.publish(path, "application/oauth-authz-req+jwt", object);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", c.clientId());
        query.put("scope", "openid");
        query.put("redirect_uri", CALLBACK);
        query.put("state", inObject.get("state"));
        query.put("request_uri", requestUri);
        UserAgentDriver driver = user(new Browser());
        AuthorizationOutcome o = authorize(c.rp(), driver, query);
        assertTrue(o.isCallback(), () -> "a response at the redirect_uri, got " + o + " " + o.body());
        assertNull(o.param("error"), o.toString());
        assertSuccessfulCallback(c.rp(), inObject, o);
        assertTrue(rpTlsHost.fetches(path) >= 1, "the OP fetched the request object from the client's host");
        FlowResult r = tokens(c.rp(), inObject, o, c.redeem(o.param("code"), CALLBACK), driver);
        assertEquals(inObject.get("nonce"), r.idToken().getNonce().getValue(), "the nonce of the request object by reference");
        assertTrue(discovery().getBoolean("request_uri_parameter_supported"), "discovery says request_uri is supported");
        assertTrue(discovery().getBoolean("require_request_uri_registration"), "request_uris must be registered");
    }

    @Test
    @DisplayName("oidcc-ensure-request-object-with-redirect-uri")
    void requestObjectRedirectUri() {
        String one = CALLBACK + "-one";
        String two = CALLBACK + "-two";
        Registered c = registerPrivateKeyJwt(Map.of("request_object_signing_alg", "RS256"), one, two);
        Map<String, String> inObject = c.rp().request("code", "openid");
        inObject.put("redirect_uri", two);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", c.clientId());
        query.put("scope", "openid");
        query.put("redirect_uri", one);
        query.put("state", inObject.get("state"));
        query.put("request", DynamicClients.signedRequestObject(inObject, c.clientId(), rpKey));
        // The request object's redirect_uri is expected to win; a redirect to the other one would be followed and fail.
        UserAgentDriver driver = user(new Browser());
        AuthorizationOutcome o = driver.authorize(c.rp().endpoint("authorization_endpoint"), query, two);
        if (!o.isCallback()) {
            assertErrorPageWithoutRedirect(o);
            return;
        }
        assertTrue(o.location().startsWith(two), "the request object's redirect_uri wins (OIDC Core 6.1): " + o.location());
        assertSuccessfulCallback(c.rp(), inObject, o);
        FlowResult r = tokens(c.rp(), inObject, o, c.redeem(o.param("code"), two), driver);
        assertEquals(inObject.get("nonce"), r.idToken().getNonce().getValue(), "the nonce of the signed request object");
    }

    @Test
    @DisplayName("oidcc-refresh-token")
    void refreshToken() {
        Map<String, Object> refreshGrant = Map.of("grant_types", List.of("authorization_code", "refresh_token"));
        Registered c = registerPrivateKeyJwt(refreshGrant, CALLBACK);
        Map<String, String> req = c.rp().request("code", "openid offline_access");
        req.put("prompt", "consent"); // OIDC Core 11
        FlowResult r = flow(c, req);
        String refresh = r.tokens().getString("refresh_token");
        assumeTrue(refresh != null, "skipped: no refresh token issued");
        Response refreshed = c.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertEquals(200, refreshed.statusCode(), refreshed::asString);
        assertTrue(String.valueOf(refreshed.contentType()).startsWith("application/json"));
        assertTrue(String.valueOf(refreshed.header("Cache-Control")).contains("no-store"));
        assertNotNull(refreshed.jsonPath().getString("access_token"));
        assertNotEquals(r.accessToken(), refreshed.jsonPath().getString("access_token"));
        String newId = refreshed.jsonPath().getString("id_token");
        if (newId != null) {
            var claims = c.rp().validateIdToken(newId, null);
            assertEquals(r.idToken().getSubject(), claims.getSubject());
            assertEquals(r.idToken().getIssuer(), claims.getIssuer());
            assertEquals(r.idToken().getAudience(), claims.getAudience());
        }
        String next = refreshed.jsonPath().getString("refresh_token");
        Registered other = registerPrivateKeyJwt(refreshGrant, CALLBACK);
        BasicOpIT.assertInvalidGrant(other.token(Map.of("grant_type", "refresh_token", "refresh_token", next != null ? next : refresh)));
    }

    @Test
    @DisplayName("oidcc-ensure-client-assertion-with-iss-aud-succeeds")
    void clientAssertionWithIssuerAudience() {
        Registered c = registerPrivateKeyJwt(Map.of(), CALLBACK);
        Map<String, String> req = c.rp().request("code", "openid");
        UserAgentDriver driver = user(new Browser());
        AuthorizationOutcome o = authorize(c.rp(), driver, req);
        assertSuccessfulCallback(c.rp(), req, o);
        // RFC 7523 3 item 3: the issuer identifies the authorization server as an intended audience.
        Response t = c.rp().tokenWithAssertion(Map.of("grant_type", "authorization_code", "code", o.param("code"),
                "redirect_uri", CALLBACK), assertion(c.clientId(), rpKey, c.rp().issuer));
        tokens(c.rp(), req, o, t, driver);
    }
}
