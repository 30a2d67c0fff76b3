package io.gatehouse.e2e.conformance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.rp.RelyingParty;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clients the dynamic plans register at the advertised registration_endpoint (OIDC Registration 3, RFC 7591; the
 * suite runs with open registration), as the conformance suite's "dynamic_client" variant does, and what they need
 * to act as relying parties: their RSA keys (Nimbus) and private_key_jwt client assertions (OIDC Core 9).
 */
final class DynamicClients {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private DynamicClients() {
    }

    /** A client as registered: the registration response, a relying party for it, its signing key (or null). */
    record Registered(JsonPath registration, RelyingParty rp, RSAKey key) {

        String clientId() {
            return rp.clientId;
        }

        /**
         * A token request authenticated as registered: private_key_jwt with an assertion for the token endpoint
         * when the client has a key, else client_secret_basic.
         */
        Response token(Map<String, String> form) {
            if (key == null) {
                return rp.token(form);
            }
            return rp.tokenWithAssertion(form, assertion(rp.clientId, key, rp.endpoint("token_endpoint")));
        }

        Response redeem(String code, String redirectUri) {
            return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri));
        }
    }

    static JsonPath discovery() {
        return given().get(RunningSuite.get().issuer() + "/.well-known/openid-configuration").then().statusCode(200)
                .extract().jsonPath();
    }

    /** POST of {@code metadata} to the registration endpoint, as it is answered. */
    static Response register(Map<String, Object> metadata) {
        return given().contentType(ContentType.JSON).body(metadata).post(discovery().getString("registration_endpoint"));
    }

    /** Registers {@code metadata} (expecting 201) for a client that authenticates with {@code key} (null: a secret). */
    static Registered registered(Map<String, Object> metadata, RSAKey key) {
        Response r = register(metadata);
        assertEquals(201, r.statusCode(), () -> "registration refused: " + r.asString());
        JsonPath json = r.jsonPath();
        List<String> redirectUris = json.getList("redirect_uris");
        RelyingParty rp = new RelyingParty(RunningSuite.get().issuer(), json.getString("client_id"),
                json.getString("client_secret"), redirectUris == null || redirectUris.isEmpty() ? null : redirectUris.get(0));
        return new Registered(json, rp, key);
    }

    /** Metadata of a web client authenticating with private_key_jwt, its public key registered by value (jwks). */
    static Map<String, Object> privateKeyJwtClient(RSAKey key, String... redirectUris) {
        Map<String, Object> m = basicMetadata(redirectUris);
        m.put("token_endpoint_auth_method", "private_key_jwt");
        m.put("token_endpoint_auth_signing_alg", "RS256");
        m.put("jwks", new JWKSet(key.toPublicJWK()).toJSONObject());
        return m;
    }

    /** client_name and redirect_uris only (the rest by the registration defaults). */
    static Map<String, Object> basicMetadata(String... redirectUris) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_name", "Gatehouse e2e dynamically registered RP");
        m.put("redirect_uris", List.of(redirectUris));
        return m;
    }

    static RSAKey newRsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(RelyingParty.random()).algorithm(JWSAlgorithm.RS256)
                    .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A private_key_jwt client assertion (RFC 7523 3): iss = sub = client_id, aud, a fresh jti, one minute. */
    static String assertion(String clientId, RSAKey key, String audience) {
        Instant now = Instant.now();
        return sign(key, new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
                .jwtID(RelyingParty.random()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60))).build());
    }

    /** A client_secret_jwt client assertion (RFC 7523 3, OIDC Core 9): HS256 keyed by the client secret. */
    static String hmacAssertion(String clientId, String secret, String audience) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
                .jwtID(RelyingParty.random()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new com.nimbusds.jose.crypto.MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request object (OIDC Core 6.1, RFC 9101) of {@code params} signed RS256, iss the client, aud the issuer. */
    static String signedRequestObject(Map<String, String> params, String clientId, RSAKey key) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(clientId).audience(RunningSuite.get().issuer())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
        params.forEach(claims::claim);
        return sign(key, claims.build());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
