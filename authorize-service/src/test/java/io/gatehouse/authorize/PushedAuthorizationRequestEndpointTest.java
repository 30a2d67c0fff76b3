package io.gatehouse.authorize;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.AuthorizationCodeEntity;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.AuthorizationCodeRepository;
import io.gatehouse.model.repository.PushedRequestRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pushed authorization request endpoint (RFC 9126) and the authorization requests made with its request_uri. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class PushedAuthorizationRequestEndpointTest {

    static final String PREFIX = "urn:ietf:params:oauth:request_uri:";

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    PushedRequestRepository pushed;
    @Inject
    AuthorizationCodeRepository codes;
    @Inject
    GatehouseConfig config;

    /** A confidential client (client_secret_basic) and its secret. */
    record Rp(ClientEntity client, String secret) {
    }

    Rp rp(java.util.function.Consumer<ClientEntity> customize) {
        String secret = RandomTokens.random256();
        ClientEntity c = fixtures.client(e -> {
            e.secretHash = Sha256.hash(secret);
            customize.accept(e);
        });
        return new Rp(c, secret);
    }

    Rp rp() {
        return rp(c -> { });
    }

    static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static RequestSpecification as(Rp rp) {
        return given().contentType("application/x-www-form-urlencoded").header("Authorization", basic(rp.client().clientId, rp.secret()));
    }

    static Response push(Rp rp, Map<String, String> request) {
        return as(rp).formParams(request).post("/par");
    }

    /** The request_uri of a successful push. */
    static String requestUri(Rp rp, Map<String, String> request) {
        return push(rp, request).then().statusCode(201).extract().jsonPath().getString("request_uri");
    }

    static Map<String, String> byReference(ClientEntity client, String requestUri) {
        return new LinkedHashMap<>(Map.of("client_id", client.clientId, "request_uri", requestUri));
    }

    long storedFor(ClientEntity client) {
        return QuarkusTransaction.requiringNew().call(() -> pushed.count("clientId", client.clientId));
    }

    @Test
    void pushedRequestCompletesTheCodeFlowByItsRequestUri() throws Exception {
        Rp rp = rp();
        UserEntity user = fixtures.user();
        Map<String, String> request = Flows.request(rp.client(), "code", "openid profile");
        String verifier = RandomTokens.random256();
        request.put("code_challenge", Flows.s256(verifier));
        request.put("code_challenge_method", "S256");

        Response r = push(rp, request);
        r.then().statusCode(201).header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .body("request_uri", startsWith(PREFIX)).body("expires_in", equalTo(60));
        String uri = r.jsonPath().getString("request_uri");
        assertTrue(uri.length() >= PREFIX.length() + 43, "256 random bits after the prefix");

        Map<String, String> p = TestBrowser.callback(Flows.run(new TestBrowser(), byReference(rp.client(), uri), user));
        assertEquals(request.get("state"), p.get("state"));
        assertEquals(config.issuer(), p.get("iss"));
        AuthorizationCodeEntity code = QuarkusTransaction.requiringNew().call(() -> codes.findById(Sha256.hash(p.get("code"))));
        assertNotNull(code);
        assertEquals(request.get("nonce"), code.nonce);
        assertEquals("openid profile", code.scope);
        assertEquals(request.get("code_challenge"), code.codeChallenge);
        assertEquals(request.get("redirect_uri"), code.redirectUri);
    }

    @Test
    void requestUriIsUsedOnce() {
        Rp rp = rp(c -> c.firstParty = true);
        String uri = requestUri(rp, Flows.request(rp.client(), "code", "openid"));
        TestBrowser b = new TestBrowser();
        assertNotNull(TestBrowser.callback(Flows.run(b, byReference(rp.client(), uri), fixtures.user())).get("code"));
        Map<String, String> again = TestBrowser.callback(b.authorize(byReference(rp.client(), uri)));
        assertEquals("invalid_request_uri", again.get("error"));
    }

    @Test
    void expiredRequestUriIsRefused() {
        Rp rp = rp();
        String uri = requestUri(rp, Flows.request(rp.client(), "code", "openid"));
        QuarkusTransaction.requiringNew().run(() -> pushed.findById(uri).expiresAt = Instant.now().minusSeconds(1));
        Map<String, String> p = TestBrowser.callback(new TestBrowser().authorize(byReference(rp.client(), uri)));
        assertEquals("invalid_request_uri", p.get("error"));
    }

    @Test
    void anotherClientsRequestUriIsRefusedAndStaysUsableByItsOwner() {
        Rp owner = rp(c -> c.firstParty = true);
        Rp other = rp(c -> c.redirectUris = new ArrayList<>(List.of("https://other.example/cb")));
        String uri = requestUri(owner, Flows.request(owner.client(), "code", "openid"));
        Response refused = new TestBrowser().authorize(byReference(other.client(), uri));
        assertTrue(refused.header("Location").startsWith("https://other.example/cb?"), refused.header("Location"));
        assertEquals("invalid_request_uri", TestBrowser.callback(refused).get("error"));
        Map<String, String> p = TestBrowser.callback(Flows.run(new TestBrowser(), byReference(owner.client(), uri), fixtures.user()));
        assertNotNull(p.get("code"));
    }

    @Test
    void badClientAuthenticationIsInvalidClient401() {
        Rp rp = rp();
        Map<String, String> request = Flows.request(rp.client(), "code", "openid");
        push(new Rp(rp.client(), "wrong-secret"), request).then().statusCode(401).body("error", equalTo("invalid_client"))
                .header("WWW-Authenticate", startsWith("Basic")).header("Cache-Control", "no-store");
        given().contentType("application/x-www-form-urlencoded").formParams(request).post("/par").then().statusCode(401)
                .body("error", equalTo("invalid_client")); // a confidential client must authenticate as it registered
        assertEquals(0, storedFor(rp.client()));
    }

    @Test
    void unregisteredRedirectUriIsInvalidRequest() {
        Rp rp = rp();
        Map<String, String> request = Flows.request(rp.client(), "code", "openid");
        request.put("redirect_uri", "https://attacker.example/cb");
        push(rp, request).then().statusCode(400).body("error", equalTo("invalid_request"))
                .header("Cache-Control", "no-store");
        assertEquals(0, storedFor(rp.client()));
    }

    @Test
    void requestUriInsideThePushIsInvalidRequest() {
        Rp rp = rp();
        Map<String, String> request = Flows.request(rp.client(), "code", "openid");
        request.put("request_uri", PREFIX + "smuggled");
        push(rp, request).then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void repeatedParameterIsInvalidRequest() {
        Rp rp = rp();
        as(rp).formParams(Flows.request(rp.client(), "code", "openid")).formParam("scope", "profile").post("/par")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void requestIsCheckedAsTheAuthorizationEndpointChecksIt() {
        Rp rp = rp();
        push(rp, Flows.request(rp.client(), "code", "openid admin")).then().statusCode(400).body("error", equalTo("invalid_scope"));
        push(rp, Flows.request(rp.client(), "device", "openid")).then().statusCode(400)
                .body("error", equalTo("unsupported_response_type"));
        Rp codeOnly = rp(c -> c.responseTypes = new ArrayList<>(List.of("code")));
        push(codeOnly, Flows.request(codeOnly.client(), "id_token", "openid")).then().statusCode(400)
                .body("error", equalTo("unauthorized_client"));
        Map<String, String> plain = Flows.request(rp.client(), "code", "openid");
        plain.put("code_challenge", RandomTokens.random256());
        plain.put("code_challenge_method", "plain");
        push(rp, plain).then().statusCode(400).body("error", equalTo("invalid_request"));
        assertEquals(0, storedFor(rp.client()) + storedFor(codeOnly.client()));
    }

    @Test
    void publicClientPushesWithItsClientIdAndMustUsePkce() throws Exception {
        ClientEntity client = fixtures.client(c -> {
            c.tokenEndpointAuthMethod = "none";
            c.secretHash = null;
        });
        Map<String, String> request = Flows.request(client, "code", "openid");
        RequestSpecification anonymous = given().contentType("application/x-www-form-urlencoded");
        anonymous.formParams(request).post("/par").then().statusCode(400).body("error", equalTo("invalid_request"));
        request.put("code_challenge", Flows.s256(RandomTokens.random256()));
        request.put("code_challenge_method", "S256");
        given().contentType("application/x-www-form-urlencoded").formParams(request).post("/par").then().statusCode(201)
                .body("request_uri", startsWith(PREFIX));
    }

    @Test
    void requestObjectMayBePushed() {
        Rp rp = rp(c -> {
            c.firstParty = true;
            c.metadata.put("request_object_signing_alg", "none");
        });
        Map<String, String> inObject = Flows.request(rp.client(), "code", "openid");
        inObject.put("state", "state-in-the-object");
        Map<String, String> form = new LinkedHashMap<>(Map.of("client_id", rp.client().clientId,
                "request", RequestObjectTest.unsigned(inObject)));
        String uri = requestUri(rp, form);
        Map<String, String> p = TestBrowser.callback(Flows.run(new TestBrowser(), byReference(rp.client(), uri), fixtures.user()));
        assertEquals("state-in-the-object", p.get("state"));
        assertNotNull(p.get("code"));
    }

    @Test
    void requestObjectForAnotherClientIsRefused() {
        Rp rp = rp();
        Map<String, String> form = Map.of("client_id", rp.client().clientId,
                "request", RequestObjectTest.unsigned(Map.of("client_id", "someone-else", "response_type", "code", "scope", "openid")));
        push(rp, form).then().statusCode(400).body("error", equalTo("invalid_request_object"));
    }

    @Test
    void clientThatRequiresPushedRequestsCannotSendThemInTheQuery() {
        Rp rp = rp(c -> {
            c.firstParty = true;
            c.metadata.put("require_pushed_authorization_requests", true);
        });
        Map<String, String> request = Flows.request(rp.client(), "code", "openid");
        Map<String, String> refused = TestBrowser.callback(new TestBrowser().authorize(request));
        assertEquals("invalid_request", refused.get("error"));
        assertEquals(request.get("state"), refused.get("state"));
        String uri = requestUri(rp, request);
        assertNotNull(TestBrowser.callback(Flows.run(new TestBrowser(), byReference(rp.client(), uri), fixtures.user())).get("code"));
    }

    @Test
    void bodyThatIsNotAFormIsInvalidRequest() {
        Rp rp = rp();
        given().header("Authorization", basic(rp.client().clientId, rp.secret())).contentType("application/json")
                .body("{\"client_id\":\"" + rp.client().clientId + "\"}").post("/par")
                .then().statusCode(400).body("error", equalTo("invalid_request")).body("error_description", notNullValue());
    }
}
