package io.gatehouse.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.token.TokenFixtures.TestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Server-provided DPoP nonces at the token endpoint (RFC 9449 8), with {@code gatehouse.dpop.nonce.required}. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(DpopNonceTest.NonceRequired.class)
class DpopNonceTest {

    public static class NonceRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.dpop.nonce.required", "true");
        }
    }

    static final Map<String, String> GRANT = Map.of("grant_type", "client_credentials");

    @Inject
    TokenFixtures fixtures;

    static String proof(ECKey key, String nonce) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", "POST")
                .claim("htu", TokenCalls.TOKEN_ENDPOINT).issueTime(new Date());
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
                .jwk(key.toPublicJWK()).build(), claims.build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aProofWithoutTheServersNonceGetsUseDpopNonceAndTheNonce() throws Exception {
        TestClient c = fixtures.client("client_secret_post", List.of("client_credentials"), "api.read", Map.of());
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        Response first = TokenCalls.as(c).header("DPoP", proof(key, null)).formParams(GRANT).post("/token");
        first.then().statusCode(400).body("error", equalTo("use_dpop_nonce"));
        String nonce = first.header("DPoP-Nonce");
        assertNotNull(nonce, "RFC 9449 8: the error carries the nonce to use");
        // A made-up nonce is refused the same way.
        Response wrong = TokenCalls.as(c).header("DPoP", proof(key, nonce + "x")).formParams(GRANT).post("/token");
        wrong.then().statusCode(400).body("error", equalTo("use_dpop_nonce"));
        Response ok = TokenCalls.as(c).header("DPoP", proof(key, nonce)).formParams(GRANT).post("/token");
        ok.then().statusCode(200).body("token_type", equalTo("DPoP"));
        assertEquals(nonce, ok.header("DPoP-Nonce"), "RFC 9449 8.2: the current nonce comes with the response");
        // Without any proof, no nonce is needed: nonces constrain proofs, not bearer clients.
        TokenCalls.token(c, GRANT).then().statusCode(200).body("token_type", equalTo("Bearer"));
        assertNotEquals("", nonce);
        given().get("/q/health/live").then().statusCode(200);
    }
}
