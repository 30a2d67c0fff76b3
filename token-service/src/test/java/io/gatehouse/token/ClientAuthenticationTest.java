package io.gatehouse.token;

import static io.gatehouse.token.TokenCalls.ISSUER;
import static io.gatehouse.token.TokenCalls.TOKEN_ENDPOINT;
import static io.gatehouse.token.TokenCalls.assertionClaims;
import static io.gatehouse.token.TokenCalls.basic;
import static io.gatehouse.token.TokenCalls.withAssertion;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.model.bootstrap.BootstrapDocument;
import io.gatehouse.model.bootstrap.BootstrapImporter;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.token.TokenFixtures.TestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Client authentication at the token endpoint (RFC 6749 2.3, 5.2; RFC 7523; OIDC Core 9), with client_credentials as
 * the vehicle: each registered method, never another one, and invalid_client as 401 with a Basic challenge.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ClientAuthenticationTest {

    static final List<String> CC = List.of("client_credentials");
    static final Map<String, String> GRANT = Map.of("grant_type", "client_credentials");

    @Inject
    TokenFixtures fixtures;
    @Inject
    BootstrapImporter importer;
    @TestHTTPResource("/test-jwks")
    URL jwksBase;

    TestClient client(String method) {
        return fixtures.client(method, CC, "api.read", Map.of());
    }

    static void invalidClient(ValidatableResponse r) {
        r.statusCode(401).header("WWW-Authenticate", startsWith("Basic realm=")).header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void clientSecretBasicAuthenticates() {
        TestClient c = client("client_secret_basic");
        TokenCalls.token(c, GRANT).then().statusCode(200).body("access_token", notNullValue());
    }

    @Test
    void basicCredentialsAreFormUrlDecoded() {
        TestClient c = client("client_secret_basic");
        String secret = "s3cr:t+with%/special chars & é";
        fixtures.updateClient(c.clientId(), e -> e.secretHash = Sha256.hash(secret));
        given().header("Authorization", basic(c.clientId(), secret)).formParams(GRANT).post("/token").then().statusCode(200);
    }

    @Test
    void wrongBasicSecretIs401WithBasicChallenge() {
        TestClient c = client("client_secret_basic");
        invalidClient(given().header("Authorization", basic(c.clientId(), "wrong")).formParams(GRANT).post("/token").then());
    }

    @Test
    void malformedBasicHeaderIs401WithBasicChallenge() {
        invalidClient(given().header("Authorization", "Basic !!!not-base64").formParams(GRANT).post("/token").then());
        invalidClient(given().header("Authorization", "Basic bm9jb2xvbg==").formParams(GRANT).post("/token").then());
    }

    @Test
    void clientSecretPostAuthenticates() {
        TokenCalls.token(client("client_secret_post"), GRANT).then().statusCode(200);
    }

    @Test
    void wrongPostSecretIsInvalidClient() {
        TestClient c = client("client_secret_post");
        invalidClient(given().formParam("client_id", c.clientId()).formParam("client_secret", "wrong").formParams(GRANT)
                .post("/token").then());
    }

    @Test
    void methodOtherThanTheRegisteredOneIsRefused() {
        TestClient basicClient = client("client_secret_basic");
        invalidClient(given().formParam("client_id", basicClient.clientId()).formParam("client_secret", basicClient.secret())
                .formParams(GRANT).post("/token").then());
        TestClient postClient = client("client_secret_post");
        invalidClient(given().header("Authorization", basic(postClient.clientId(), postClient.secret())).formParams(GRANT)
                .post("/token").then());
        invalidClient(given().formParam("client_id", postClient.clientId()).formParams(GRANT).post("/token").then());
    }

    @Test
    void twoAuthenticationMethodsInOneRequestIsInvalidRequest() {
        TestClient c = client("client_secret_basic");
        given().header("Authorization", basic(c.clientId(), c.secret())).formParam("client_id", c.clientId())
                .formParam("client_secret", c.secret()).formParams(GRANT).post("/token").then().statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void clientIdDifferentFromBasicUserIsInvalidClient() {
        TestClient c = client("client_secret_basic");
        invalidClient(given().header("Authorization", basic(c.clientId(), c.secret())).formParam("client_id", "someone-else")
                .formParams(GRANT).post("/token").then());
    }

    @Test
    void noClientAuthenticationIsInvalidClient() {
        invalidClient(given().formParams(GRANT).post("/token").then());
    }

    @Test
    void unknownClientIsInvalidClient() {
        invalidClient(given().header("Authorization", basic("no-such-client", "x")).formParams(GRANT).post("/token").then());
    }

    @Test
    void disabledClientIsInvalidClient() {
        TestClient c = client("client_secret_basic");
        fixtures.disableClient(c.clientId());
        invalidClient(TokenCalls.token(c, GRANT).then());
    }

    @Test
    void clientSecretJwtAuthenticatesWithTokenEndpointOrIssuerAudience() {
        TestClient c = client("client_secret_jwt");
        for (String aud : List.of(TOKEN_ENDPOINT, ISSUER)) {
            withAssertion(c.clientId(), TokenCalls.hs256(c.clientId(), c.secret(), aud)).formParams(GRANT).post("/token")
                    .then().statusCode(200);
        }
    }

    @Test
    void clientSecretJwtWithoutClientIdParameterFindsTheClientBySub() {
        TestClient c = client("client_secret_jwt");
        given().formParam("client_assertion_type", TokenCalls.JWT_BEARER)
                .formParam("client_assertion", TokenCalls.hs256(c.clientId(), c.secret(), TOKEN_ENDPOINT))
                .formParams(GRANT).post("/token").then().statusCode(200);
    }

    @Test
    void clientSecretJwtSignedWithAnotherSecretFails() {
        TestClient c = client("client_secret_jwt");
        invalidClient(withAssertion(c.clientId(), TokenCalls.hs256(c.clientId(), c.secret() + "x", TOKEN_ENDPOINT))
                .formParams(GRANT).post("/token").then());
    }

    @Test
    void clientAssertionUsedTwiceFails() {
        TestClient c = client("client_secret_jwt");
        String assertion = TokenCalls.hs256(c.clientId(), c.secret(), TOKEN_ENDPOINT);
        withAssertion(c.clientId(), assertion).formParams(GRANT).post("/token").then().statusCode(200);
        invalidClient(withAssertion(c.clientId(), assertion).formParams(GRANT).post("/token").then());
    }

    @Test
    void clientSecretJwtRefusesAnAssertionSignedWithAKeyPair() throws Exception {
        TestClient c = client("client_secret_jwt");
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        invalidClient(withAssertion(c.clientId(), TokenCalls.sign(assertionClaims(c.clientId(), TOKEN_ENDPOINT).build(), key))
                .formParams(GRANT).post("/token").then());
    }

    @Test
    void clientSecretJwtAssertionIsRefusedToASecretBasicClient() {
        TestClient c = client("client_secret_basic");
        invalidClient(withAssertion(c.clientId(), TokenCalls.hs256(c.clientId(), c.secret(), TOKEN_ENDPOINT))
                .formParams(GRANT).post("/token").then());
    }

    TestClient keyClient(JWK... keys) {
        return fixtures.client("private_key_jwt", CC, "api.read",
                Map.of("jwks", new JWKSet(List.of(keys)).toPublicJWKSet().toJSONObject()));
    }

    @Test
    void privateKeyJwtAuthenticatesWithRsaAndEcKeysFromJwks() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        TestClient c = keyClient(rsa, ec);
        for (JWK key : List.of(rsa, ec)) {
            withAssertion(c.clientId(), TokenCalls.sign(assertionClaims(c.clientId(), TOKEN_ENDPOINT).build(), key))
                    .formParams(GRANT).post("/token").then().statusCode(200);
        }
    }

    @Test
    void privateKeyJwtRefusesBadClaims() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        TestClient c = keyClient(rsa);
        Date past = new Date(System.currentTimeMillis() - 3_600_000);
        List<JWTClaimsSet> bad = List.of(
                new JWTClaimsSet.Builder(assertionClaims(c.clientId(), TOKEN_ENDPOINT).build()).expirationTime(past).build(),
                assertionClaims(c.clientId(), "https://somewhere-else.example/token").build(),
                new JWTClaimsSet.Builder(assertionClaims(c.clientId(), TOKEN_ENDPOINT).build()).issuer("other").build(),
                new JWTClaimsSet.Builder(assertionClaims(c.clientId(), TOKEN_ENDPOINT).build()).jwtID(null).build(),
                new JWTClaimsSet.Builder(assertionClaims(c.clientId(), TOKEN_ENDPOINT).build()).expirationTime(null).build());
        for (JWTClaimsSet claims : bad) {
            invalidClient(withAssertion(c.clientId(), TokenCalls.sign(claims, rsa)).formParams(GRANT).post("/token").then());
        }
    }

    @Test
    void privateKeyJwtSignedWithAnUnregisteredKeyFails() throws Exception {
        TestClient c = keyClient(new RSAKeyGenerator(2048).keyID("rsa-1").generate());
        RSAKey other = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        invalidClient(withAssertion(c.clientId(), TokenCalls.sign(assertionClaims(c.clientId(), TOKEN_ENDPOINT).build(), other))
                .formParams(GRANT).post("/token").then());
    }

    @Test
    void privateKeyJwtRefusesAnHmacAssertionKeyedWithThePublicKey() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        TestClient c = keyClient(rsa);
        String forged = TokenCalls.sign(assertionClaims(c.clientId(), TOKEN_ENDPOINT).build(), rsa.toPublicJWK().toJSONString());
        invalidClient(withAssertion(c.clientId(), forged).formParams(GRANT).post("/token").then());
    }

    @Test
    void privateKeyJwtHonoursTheRegisteredSigningAlg() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        TestClient c = fixtures.client("private_key_jwt", CC, "api.read", Map.of("token_endpoint_auth_signing_alg", "RS256",
                "jwks", new JWKSet(ec).toPublicJWKSet().toJSONObject()));
        invalidClient(withAssertion(c.clientId(), TokenCalls.sign(assertionClaims(c.clientId(), TOKEN_ENDPOINT).build(), ec))
                .formParams(GRANT).post("/token").then());
    }

    @Test
    void privateKeyJwtFetchesJwksUriAndRefetchesOnAnUnknownKid() throws Exception {
        String id = UUID.randomUUID().toString();
        RSAKey first = new RSAKeyGenerator(2048).keyID("first").generate();
        TestJwksResource.DOCUMENTS.put(id, new JWKSet(first).toPublicJWKSet().toString());
        TestClient c = fixtures.client("private_key_jwt", CC, "api.read", Map.of("jwks_uri", jwksBase + "/" + id));
        withAssertion(c.clientId(), TokenCalls.sign(assertionClaims(c.clientId(), TOKEN_ENDPOINT).build(), first))
                .formParams(GRANT).post("/token").then().statusCode(200);
        withAssertion(c.clientId(), TokenCalls.sign(assertionClaims(c.clientId(), TOKEN_ENDPOINT).build(), first))
                .formParams(GRANT).post("/token").then().statusCode(200);
        assertEquals(1, TestJwksResource.FETCHES.get(id).get(), "the document is cached");

        RSAKey rotated = new RSAKeyGenerator(2048).keyID("rotated").generate(); // the client rotates its key
        TestJwksResource.DOCUMENTS.put(id, new JWKSet(rotated).toPublicJWKSet().toString());
        withAssertion(c.clientId(), TokenCalls.sign(assertionClaims(c.clientId(), TOKEN_ENDPOINT).build(), rotated))
                .formParams(GRANT).post("/token").then().statusCode(200);
        assertEquals(2, TestJwksResource.FETCHES.get(id).get(), "an unknown kid re-fetches the document");
    }

    @Test
    void bootstrapImportedClientSecretJwtClientAuthenticates() {
        String clientId = "bootstrap-jwt-" + UUID.randomUUID();
        String secret = "bootstrap-client-secret-jwt-0123456789-abcdef";
        BootstrapDocument doc = new BootstrapDocument(List.of(new BootstrapDocument.Client(clientId, secret, null, null, null,
                CC, List.of(), "api.read", "client_secret_jwt", null, null, null)), List.of());
        assertEquals(1, importer.apply(doc).clientsWritten());
        assertEquals(0, importer.apply(doc).clientsWritten(), "importing the same file again writes nothing");
        withAssertion(clientId, TokenCalls.hs256(clientId, secret, TOKEN_ENDPOINT)).formParams(GRANT).post("/token")
                .then().statusCode(200);
    }

    @Test
    void algNoneAssertionIsRefused() {
        TestClient c = client("client_secret_jwt");
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                assertionClaims(c.clientId(), TOKEN_ENDPOINT).build().toString().getBytes());
        invalidClient(withAssertion(c.clientId(), header + "." + payload + ".").formParams(GRANT).post("/token").then());
    }
}
