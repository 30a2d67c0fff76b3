package io.gatehouse.discovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.jose.EncryptionKeyType;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.Jwe;
import io.gatehouse.model.jose.JweAlgorithm;
import io.gatehouse.model.jose.JweEncryption;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.keys.KeyCache;
import io.gatehouse.model.keys.TokenSigner;
import io.gatehouse.model.keys.TokenVerifier;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /admin/keys/rotate: the operator's emergency rotation, behind a gatehouse:admin access token. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EmergencyRotationTest {

    private static final String ROTATE = "/admin/keys/rotate";

    @Inject
    KeyFixtures fixtures;
    @Inject
    TokenSigner signer;
    @Inject
    TokenVerifier verifier;
    @Inject
    KeyCache cache;

    @Test
    void requestWithoutATokenGetsTheBareBearerChallenge() {
        given().post(ROTATE).then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void invalidTokenIsRefused() {
        given().auth().oauth2("not-a-token").post(ROTATE).then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
    }

    @Test
    void tokenWithoutTheAdminScopeIsRefusedWithInsufficientScope() {
        String before = fixtures.activeKid(JwsAlgorithm.RS256);
        given().auth().oauth2(fixtures.accessToken("openid profile")).post(ROTATE).then().statusCode(403)
                .header("WWW-Authenticate", containsString("insufficient_scope"))
                .header("WWW-Authenticate", containsString("scope=\"gatehouse:admin\""));
        assertEquals(before, fixtures.activeKid(JwsAlgorithm.RS256));
    }

    @Test
    void revokedKeyLeavesTheJwksAtOnceSoItsTokensStopVerifyingAndAFreshKeySigns() throws Exception {
        String token = signer.sign(Map.of("sub", "alice"), "JWT", JwsAlgorithm.ES256);
        String compromised = verifier.verify(token).kid();

        List<String> activated = given().auth().oauth2(fixtures.accessToken("gatehouse:admin"))
                .formParam("revoke_kid", compromised).post(ROTATE)
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("revoked", equalTo(compromised)).body("activated", hasSize(1))
                .extract().jsonPath().getList("activated");

        assertEquals("revoked", fixtures.state(compromised));
        assertEquals(activated.get(0), fixtures.activeKid(JwsAlgorithm.ES256));
        cache.refresh();
        assertFalse(KeyFixtures.publishedKids().contains(compromised));
        assertTrue(KeyFixtures.publishedKids().contains(activated.get(0)));
        assertThrows(InvalidJwsException.class, () -> verifier.verify(token));
        assertEquals(activated.get(0), verifier.verify(signer.sign(Map.of("sub", "a"), "JWT", JwsAlgorithm.ES256)).kid());
    }

    @Test
    void rotationWithoutRevocationRetiresEveryActiveKeyAndItsTokensKeepVerifying() throws Exception {
        String token = signer.sign(Map.of("sub", "alice"), "JWT", JwsAlgorithm.PS256);
        List<String> retired = given().auth().oauth2(fixtures.accessToken("gatehouse:admin")).post(ROTATE)
                .then().statusCode(200).body("activated", hasSize(6)).body("retired", hasSize(6)) // 4 signing, 2 encryption
                .extract().jsonPath().getList("retired");
        cache.refresh();
        assertTrue(KeyFixtures.publishedKids().containsAll(retired));
        assertEquals("alice", verifier.verify(token).claims().get("sub"));
    }

    @Test
    void encryptionKeysRotateLikeSigningKeysAndTheRetiredOneStillDecrypts() throws Exception {
        cache.active(EncryptionKeyType.ENC_RSA);
        cache.refresh();
        KeyCache.CachedKey before = cache.active(EncryptionKeyType.ENC_RSA);
        String jwe = Jwe.encrypt("{}", null, JweAlgorithm.RSA_OAEP_256, JweEncryption.A128GCM, before.publicKey(), before.kid());
        given().auth().oauth2(fixtures.accessToken("gatehouse:admin")).formParam("alg", "ENC_RSA").post(ROTATE)
                .then().statusCode(200).body("retired", equalTo(List.of(before.kid()))).body("activated", hasSize(1));
        cache.refresh();
        assertTrue(KeyFixtures.publishedKids().contains(before.kid()), "a retired encryption key stays published");
        List<KeyCache.CachedKey> candidates = cache.decryptionKeys(EncryptionKeyType.ENC_RSA, before.kid());
        assertEquals(1, candidates.size());
        assertEquals("{}", Jwe.decrypt(jwe, cache.signingKey(candidates.get(0))), "what clients encrypted to it still decrypts");
        assertFalse(cache.active(EncryptionKeyType.ENC_RSA).kid().equals(before.kid()));
    }

    @Test
    void rotationOfOneAlgorithmLeavesTheOthersAlone() {
        String rs = fixtures.activeKid(JwsAlgorithm.RS256);
        String ed = fixtures.activeKid(JwsAlgorithm.EdDSA);
        given().auth().oauth2(fixtures.accessToken("gatehouse:admin")).formParam("alg", "EdDSA").post(ROTATE)
                .then().statusCode(200).body("retired", equalTo(List.of(ed)));
        assertEquals(rs, fixtures.activeKid(JwsAlgorithm.RS256));
        assertEquals("retired", fixtures.state(ed));
    }

    @Test
    void unknownKidOrUnsupportedAlgIsAnInvalidRequest() {
        String admin = fixtures.accessToken("gatehouse:admin");
        given().auth().oauth2(admin).formParam("revoke_kid", "no-such-key").post(ROTATE)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().oauth2(admin).formParam("alg", "HS256").post(ROTATE)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().oauth2(admin).formParam("alg", "RS256").formParam("revoke_kid", "x").post(ROTATE)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }
}
