package io.gatehouse.userinfo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.entity.SigningKeyEntity;
import io.gatehouse.model.repository.SigningKeyRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.userinfo.UserinfoFixtures.Minted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OIDC Core 5.3.2: a client that registered userinfo_signed_response_alg gets a signed JWT, checked with Nimbus. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SignedUserinfoTest {

    @Inject
    UserinfoFixtures fixtures;
    @Inject
    SigningKeyRepository keys;
    @Inject
    GatehouseConfig config;

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "PS256"})
    void clientWithUserinfoSignedResponseAlgGetsSignedJwt(String alg) throws Exception {
        Minted t = fixtures.accessToken(UserinfoFixtures.alice(), "openid email", null,
                Map.of("userinfo_signed_response_alg", alg));
        var response = given().header("Authorization", "Bearer " + t.token()).get("/userinfo").then().statusCode(200)
                .contentType("application/jwt").header("Pragma", "no-cache").extract().asString();

        SignedJWT jwt = SignedJWT.parse(response);
        assertEquals(JWSAlgorithm.parse(alg), jwt.getHeader().getAlgorithm());
        SigningKeyEntity key = QuarkusTransaction.requiringNew().call(() -> keys.findById(jwt.getHeader().getKeyID()));
        JWK jwk = JWK.parse(key.publicJwk);
        JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
                jwk.getKeyType().getValue().equals("EC") ? jwk.toECKey().toPublicKey() : jwk.toRSAKey().toPublicKey());
        assertTrue(jwt.verify(verifier), "signature verifies with the published key");

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(config.issuer(), claims.getIssuer());
        assertEquals(List.of(t.clientId()), claims.getAudience());
        assertEquals(t.userId().toString(), claims.getSubject());
        assertEquals("alice@example.com", claims.getStringClaim("email"));
        assertEquals(Boolean.TRUE, claims.getBooleanClaim("email_verified"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS256"})
    void unsupportedAlgorithmFallsBackToJson(String alg) {
        Minted t = fixtures.accessToken(UserinfoFixtures.alice(), "openid", null, Map.of("userinfo_signed_response_alg", alg));
        given().header("Authorization", "Bearer " + t.token()).get("/userinfo").then().statusCode(200)
                .contentType("application/json");
    }
}
