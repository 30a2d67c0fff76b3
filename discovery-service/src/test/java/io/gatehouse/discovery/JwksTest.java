package io.gatehouse.discovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.jose.Jwk;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.keys.KeyCache;
import io.gatehouse.model.keys.KeyRotation;
import io.gatehouse.model.keys.KeysConfig;
import io.gatehouse.testsupport.DiscoveryRules;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class JwksTest {

    @Inject
    KeyCache cache;
    @Inject
    KeysConfig config;
    @Inject
    KeyRotation rotation;
    @Inject
    KeyFixtures fixtures;

    private static List<Map<String, Object>> keys() {
        return given().get("/jwks").then().statusCode(200).extract().jsonPath().getList("keys");
    }

    @Test
    void jwksIsShortLivedCacheableJsonReadableFromAnyOrigin() {
        given().header("Origin", "https://rp.example").get("/jwks").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", "public, max-age=300")
                .header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void everyConfiguredAlgorithmHasExactlyOneActiveKeyFromTheStart() {
        for (JwsAlgorithm alg : config.algorithms()) {
            assertEquals(1, fixtures.count("alg = '" + alg.name() + "' and state = 'active'"), alg.name());
        }
    }

    @Test
    void jwksCarriesKidKtyUseAndAlgAndNeverAPrivateMember() {
        Map<String, Object> jwks = given().get("/jwks").then().extract().jsonPath().getMap("");
        assertEquals(List.of(), DiscoveryRules.jwksViolations(jwks));
        Set<String> algs = keys().stream().filter(k -> "sig".equals(k.get("use"))).map(k -> (String) k.get("alg"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("RS256", "PS256", "ES256", "EdDSA"), algs);
        // the two encryption keys (OIDC Core 10.2): use enc, no alg, one RSA and one EC
        Set<String> encryption = keys().stream().filter(k -> "enc".equals(k.get("use")) && !k.containsKey("alg"))
                .map(k -> (String) k.get("kty")).collect(Collectors.toSet());
        assertEquals(Set.of("RSA", "EC"), encryption);
    }

    @Test
    void rsaKeysHaveAtLeast2048Bits() throws Exception {
        for (Map<String, Object> k : keys()) {
            if ("RSA".equals(k.get("kty"))) {
                assertTrue(((RSAPublicKey) Jwk.publicKey(k)).getModulus().bitLength() >= 2048, (String) k.get("kid"));
            }
        }
    }

    @Test
    void nextAndRetiredKeysArePublishedAndRevokedOnesAreNot() {
        fixtures.age(Duration.ofDays(29).plusMinutes(1));
        rotation.rotateDue(Instant.now(), true);
        String retired = fixtures.activeKid(JwsAlgorithm.PS256);
        rotation.rotateNow(Optional.of(JwsAlgorithm.PS256), Optional.empty(), "test");
        String revoked = fixtures.activeKid(JwsAlgorithm.ES256);
        rotation.rotateNow(Optional.empty(), Optional.of(revoked), "test");
        cache.refresh();

        assertTrue(fixtures.count("state = 'next'") > 0);
        assertEquals("retired", fixtures.state(retired));
        assertEquals("revoked", fixtures.state(revoked));
        List<String> kids = KeyFixtures.publishedKids();
        assertEquals(Set.copyOf(fixtures.kids("state in ('next', 'active') or (state = 'retired' and delete_after > now())")),
                Set.copyOf(kids));
        assertTrue(kids.contains(retired), "retired key published while its tokens live");
        assertFalse(kids.contains(revoked), "revoked key withdrawn at once");
        assertEquals(cache.published().stream().map(KeyCache.CachedKey::kid).toList(), kids);
    }
}
