package io.gatehouse.token;

import static io.restassured.RestAssured.given;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.token.TokenFixtures.TestClient;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/** Requests to the token, revocation and introspection endpoints, authenticated as each test client registered. */
final class TokenCalls {

    static final String ISSUER = "http://localhost:8084";
    static final String TOKEN_ENDPOINT = "http://localhost:8082/token";
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private TokenCalls() {
    }

    /** RFC 6749 2.3.1: id and secret form-url-encoded, then joined and base64-encoded. */
    static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** A request authenticated as {@code client} by its registered method (secret methods and none). */
    static RequestSpecification as(TestClient client) {
        RequestSpecification r = given().contentType("application/x-www-form-urlencoded");
        return switch (client.method()) {
            case "client_secret_basic" -> r.header("Authorization", basic(client.clientId(), client.secret()));
            case "client_secret_post" -> r.formParam("client_id", client.clientId()).formParam("client_secret", client.secret());
            case "client_secret_jwt" -> r.formParam("client_assertion_type", JWT_BEARER)
                    .formParam("client_assertion", hs256(client.clientId(), client.secret(), TOKEN_ENDPOINT));
            case "none" -> r.formParam("client_id", client.clientId());
            default -> throw new IllegalArgumentException("use an assertion for " + client.method());
        };
    }

    static Response token(TestClient client, Map<String, String> parameters) {
        return as(client).formParams(parameters).post("/token");
    }

    static Response redeem(TestClient client, String code, String verifier) {
        RequestSpecification r = as(client).formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", TokenFixtures.REDIRECT_URI);
        return (verifier == null ? r : r.formParam("code_verifier", verifier)).post("/token");
    }

    static Response refresh(TestClient client, String refreshToken) {
        return token(client, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    static Response introspect(TestClient client, String token) {
        return as(client).formParam("token", token).post("/introspect");
    }

    static Response revoke(TestClient client, String token) {
        return as(client).formParam("token", token).post("/revoke");
    }

    static JWTClaimsSet.Builder assertionClaims(String clientId, String audience) {
        Date now = new Date();
        return new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
                .issueTime(now).expirationTime(new Date(now.getTime() + 60_000)).jwtID(UUID.randomUUID().toString());
    }

    static String hs256(String clientId, String secret, String audience) {
        return sign(assertionClaims(clientId, audience).build(), secret);
    }

    static String sign(JWTClaimsSet claims, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(JWTClaimsSet claims, JWK key) {
        try {
            JWSAlgorithm alg = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
            JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification withAssertion(String clientId, String assertion) {
        return given().contentType("application/x-www-form-urlencoded").formParam("client_id", clientId)
                .formParam("client_assertion_type", JWT_BEARER).formParam("client_assertion", assertion);
    }
}
