package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.PushedRequestEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.AuthorizationCodeRepository;
import io.gatehouse.model.repository.PushedRequestRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Request objects by value (OIDC Core 6.1, RFC 9101) and pushed requests by request_uri (RFC 9126 4). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RequestObjectTest {

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    AuthorizationCodeRepository codes;
    @Inject
    PushedRequestRepository pushed;
    @Inject
    GatehouseConfig config;

    static String unsigned(Map<String, String> claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        StringBuilder json = new StringBuilder("{");
        claims.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v.replace("\"", "\\\"")).append('"'));
        json.append('}');
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    @Test
    void unsignedRequestObjectParametersWinOverTheQuery() {
        ClientEntity client = fixtures.client(c -> {
            c.firstParty = true;
            c.redirectUris = new ArrayList<>(List.of("https://rp.example/one", "https://rp.example/two"));
            c.metadata.put("request_object_signing_alg", "none");
        });
        UserEntity user = fixtures.user();
        Map<String, String> inObject = Flows.request(client, "code", "openid profile");
        inObject.put("redirect_uri", "https://rp.example/two");
        Map<String, String> query = new LinkedHashMap<>(Map.of("response_type", "code", "client_id", client.clientId,
                "scope", "openid", "redirect_uri", "https://rp.example/one", "state", "outer-state"));
        query.put("request", unsigned(inObject));
        Response r = Flows.run(new TestBrowser(), query, user);
        assertTrue(r.header("Location").startsWith("https://rp.example/two?"), r.header("Location"));
        Map<String, String> p = TestBrowser.callback(r);
        assertEquals(inObject.get("state"), p.get("state"));
        var row = QuarkusTransaction.requiringNew().call(() -> codes.findById(Sha256.hash(p.get("code"))));
        assertEquals(inObject.get("nonce"), row.nonce);
        assertEquals("openid profile", row.scope);
    }

    /** A code request as a request object signed with {@code key} (RFC 9101 4: iss, aud, exp). */
    String signedObject(RSAKey key, ClientEntity client, String nonce, String state) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("oauth-authz-req+jwt")).build(),
                new JWTClaimsSet.Builder().issuer(client.clientId).audience(config.issuer()).claim("client_id", client.clientId)
                        .claim("response_type", "code").claim("scope", "openid").claim("nonce", nonce)
                        .claim("redirect_uri", "https://rp.example/cb").claim("state", state)
                        .claim("max_age", 3600).expirationTime(java.util.Date.from(Instant.now().plusSeconds(60))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void requestObjectSignedWithTheClientsKeyIsAccepted() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("rp-key").keyUse(KeyUse.SIGNATURE).generate();
        ClientEntity client = fixtures.client(c -> {
            c.firstParty = true;
            c.metadata.put("jwks", Map.of("keys", List.of(key.toPublicJWK().toJSONObject())));
        });
        UserEntity user = fixtures.user();
        String nonce = "signed-" + UUID.randomUUID();
        Map<String, String> query = new LinkedHashMap<>(Map.of("response_type", "code", "client_id", client.clientId,
                "scope", "openid", "request", signedObject(key, client, nonce, "s-signed")));
        Map<String, String> p = TestBrowser.callback(Flows.run(new TestBrowser(), query, user));
        assertEquals("s-signed", p.get("state"));
        assertEquals(nonce, QuarkusTransaction.requiringNew().call(() -> codes.findById(Sha256.hash(p.get("code"))).nonce));
    }

    @Test
    void unsignedRequestObjectOfAClientThatRegisteredNoAlgorithmIsInvalidRequestObject() {
        ClientEntity client = fixtures.client();
        Map<String, String> query = Flows.request(client, "code", "openid");
        query.put("request", unsigned(Map.of("scope", "openid")));
        Map<String, String> p = TestBrowser.callback(new TestBrowser().authorize(query));
        assertEquals("invalid_request_object", p.get("error"));
        assertTrue(p.get("error_description").contains("request_object_signing_alg none"), p.toString());
    }

    @Test
    void clientRequiringSignedRequestObjectsGetsNothingWithoutOneOrWithAnUnsignedOne() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("rp-key").keyUse(KeyUse.SIGNATURE).generate();
        ClientEntity client = fixtures.client(c -> {
            c.firstParty = true;
            c.metadata.put("jwks", Map.of("keys", List.of(key.toPublicJWK().toJSONObject())));
            c.metadata.put("require_signed_request_object", true);
        });
        Map<String, String> plain = Flows.request(client, "code", "openid");
        Map<String, String> refused = TestBrowser.callback(new TestBrowser().authorize(plain));
        assertEquals("invalid_request", refused.get("error"), refused.toString()); // RFC 9101 10.5
        assertEquals(plain.get("state"), refused.get("state"));

        Map<String, String> unsignedQuery = Flows.request(client, "code", "openid");
        unsignedQuery.put("request", unsigned(Map.of("scope", "openid")));
        assertEquals("invalid_request_object", TestBrowser.callback(new TestBrowser().authorize(unsignedQuery)).get("error"));

        Map<String, String> signed = new LinkedHashMap<>(Map.of("response_type", "code", "client_id", client.clientId,
                "scope", "openid", "request", signedObject(key, client, "n-required", "s-required")));
        Map<String, String> ok = TestBrowser.callback(Flows.run(new TestBrowser(), signed, fixtures.user()));
        assertNotNull(ok.get("code"), ok.toString());
        assertEquals("s-required", ok.get("state"));
    }

    @Test
    void requestObjectWithABadSignatureIsInvalidRequestObject() throws Exception {
        RSAKey registered = new RSAKeyGenerator(2048).keyID("k").generate();
        RSAKey other = new RSAKeyGenerator(2048).keyID("k").generate();
        ClientEntity client = fixtures.client(c -> c.metadata.put("jwks", Map.of("keys", List.of(registered.toPublicJWK().toJSONObject()))));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(),
                new JWTClaimsSet.Builder().claim("scope", "openid").build());
        jwt.sign(new RSASSASigner(other));
        Map<String, String> query = Flows.request(client, "code", "openid");
        query.put("request", jwt.serialize());
        Map<String, String> p = TestBrowser.callback(new TestBrowser().authorize(query));
        assertEquals("invalid_request_object", p.get("error"));
        assertEquals(query.get("state"), p.get("state"));
    }

    @Test
    void requestObjectForAnotherClientIsInvalidRequestObject() {
        ClientEntity client = fixtures.client();
        Map<String, String> query = Flows.request(client, "code", "openid");
        query.put("request", unsigned(Map.of("client_id", "someone-else", "scope", "openid")));
        assertEquals("invalid_request_object", TestBrowser.callback(new TestBrowser().authorize(query)).get("error"));
    }

    @Test
    void pushedRequestIsUsedOnceByItsRequestUri() {
        ClientEntity client = fixtures.client(c -> c.firstParty = true);
        UserEntity user = fixtures.user();
        String uri = "urn:ietf:params:oauth:request_uri:" + UUID.randomUUID();
        Map<String, Object> params = new LinkedHashMap<>(Flows.request(client, "code", "openid"));
        params.put("state", "pushed-state");
        QuarkusTransaction.requiringNew().run(() -> {
            PushedRequestEntity p = new PushedRequestEntity();
            p.requestUri = uri;
            p.clientId = client.clientId;
            p.parameters = params;
            p.expiresAt = Instant.now().plusSeconds(60);
            pushed.persist(p);
        });
        Map<String, String> query = Map.of("client_id", client.clientId, "request_uri", uri);
        TestBrowser b = new TestBrowser();
        Map<String, String> first = TestBrowser.callback(Flows.run(b, query, user));
        assertNotNull(first.get("code"));
        assertEquals("pushed-state", first.get("state"));
        Response again = b.authorize(query);
        assertEquals("invalid_request_uri", TestBrowser.callback(again).get("error"));
    }

    @Test
    void requestAndRequestUriTogetherAreInvalidRequest() {
        ClientEntity client = fixtures.client();
        Map<String, String> query = Flows.request(client, "code", "openid");
        query.put("request", unsigned(Map.of("scope", "openid")));
        query.put("request_uri", "urn:ietf:params:oauth:request_uri:x");
        assertEquals("invalid_request", TestBrowser.callback(new TestBrowser().authorize(query)).get("error"));
    }
}
