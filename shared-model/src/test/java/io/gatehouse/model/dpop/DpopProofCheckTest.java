package io.gatehouse.model.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.jose.Json;
import io.gatehouse.model.jose.Jwk;
import io.gatehouse.model.jose.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 9449 4.3, one test per rule, on proofs built here byte by byte. */
class DpopProofCheckTest {

    static final String HTU = "https://op.example/token";
    static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    static DpopProofCheck.Expectation expect(String accessToken) {
        return new DpopProofCheck.Expectation("POST", HTU, accessToken, NOW, Duration.ofSeconds(60), Duration.ofSeconds(5),
                EnumSet.allOf(JwsAlgorithm.class));
    }

    record Proof(KeyPair pair, JwsAlgorithm alg, Map<String, Object> header, Map<String, Object> claims) {
        static Proof of(JwsAlgorithm alg) {
            KeyPair pair = alg.generateKeyPair();
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("typ", "dpop+jwt");
            header.put("alg", alg.name());
            header.put("jwk", new LinkedHashMap<>(Jwk.publicJwk(pair.getPublic(), "k", alg)));
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("jti", "jti-1");
            claims.put("htm", "POST");
            claims.put("htu", HTU);
            claims.put("iat", NOW.getEpochSecond());
            return new Proof(pair, alg, header, claims);
        }

        Proof with(Consumer<Proof> change) {
            change.accept(this);
            return this;
        }

        String compact() {
            try {
                String input = B64.encodeToString(Json.write(header)) + "." + B64.encodeToString(Json.write(claims));
                Signature s = alg.newSignature();
                s.initSign(pair.getPrivate());
                s.update(input.getBytes(StandardCharsets.US_ASCII));
                return input + "." + B64.encodeToString(s.sign());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static void refused(String compact, DpopProofCheck.Expectation e) {
        DpopRefusal r = assertThrows(DpopRefusal.class, () -> DpopProofCheck.check(compact, e));
        assertEquals("invalid_dpop_proof", r.error());
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void aGoodProofGivesTheKeysThumbprint(JwsAlgorithm alg) throws Exception {
        Proof p = Proof.of(alg);
        @SuppressWarnings("unchecked")
        DpopProof proof = DpopProofCheck.check(p.compact(), expect(null));
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = (Map<String, Object>) p.header().get("jwk");
        assertEquals(Jwk.thumbprint(jwk), proof.jkt());
        assertEquals("jti-1", proof.jti());
    }

    @Test
    void typMustBeDpopJwt() {
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.header().put("typ", "JWT")).compact(), expect(null));
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.header().remove("typ")).compact(), expect(null));
    }

    @Test
    void algMustBeAcceptedAndAsymmetric() {
        refused(Proof.of(JwsAlgorithm.ES256).compact(), new DpopProofCheck.Expectation("POST", HTU, null, NOW,
                Duration.ofSeconds(60), Duration.ofSeconds(5), EnumSet.of(JwsAlgorithm.RS256)));
        String none = B64.encodeToString("{\"typ\":\"dpop+jwt\",\"alg\":\"none\"}".getBytes()) + "."
                + B64.encodeToString("{}".getBytes()) + ".";
        refused(none, expect(null));
    }

    @Test
    void theJwkMustBePublicAndMatchTheSignature() {
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.header().remove("jwk")).compact(), expect(null));
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> jwk(p).put("d", "AAAA")).compact(), expect(null));
        Proof other = Proof.of(JwsAlgorithm.ES256);
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.header().put("jwk", other.header().get("jwk"))).compact(), expect(null));
        // An RSA key named by an ES256 header.
        Proof rsa = Proof.of(JwsAlgorithm.RS256);
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.header().put("jwk", rsa.header().get("jwk"))).compact(), expect(null));
    }

    @Test
    void critIsRefused() {
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.header().put("crit", java.util.List.of("x"))).compact(), expect(null));
    }

    @Test
    void requiredClaims() {
        for (String claim : new String[] {"jti", "htm", "htu", "iat"}) {
            refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().remove(claim)).compact(), expect(null));
        }
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().put("jti", "")).compact(), expect(null));
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().put("jti", "x".repeat(300))).compact(), expect(null));
    }

    @Test
    void htmAndHtuMustBeThisRequest() {
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().put("htm", "post")).compact(), expect(null));
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().put("htu", "https://op.example/userinfo")).compact(), expect(null));
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().put("htu", HTU + "?a=b")).compact(), expect(null));
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().put("htu", HTU + "#f")).compact(), expect(null));
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().put("htu", "https://u@op.example/token")).compact(), expect(null));
    }

    @Test
    void htuIsComparedAfterNormalisation() {
        assertTrue(DpopProofCheck.sameTarget("HTTPS://OP.example:443/token", HTU));
        assertTrue(DpopProofCheck.sameTarget("http://localhost:80/", "http://LOCALHOST"));
        assertFalse(DpopProofCheck.sameTarget("https://op.example:8443/token", HTU));
        assertFalse(DpopProofCheck.sameTarget("http://op.example/token", HTU));
        assertFalse(DpopProofCheck.sameTarget("https://op.example/Token", HTU));
        assertFalse(DpopProofCheck.sameTarget("not a uri", HTU));
    }

    @Test
    void iatMustBeInTheWindow() {
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().put("iat", NOW.getEpochSecond() - 61)).compact(), expect(null));
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().put("iat", NOW.getEpochSecond() + 6)).compact(), expect(null));
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().put("iat", "now")).compact(), expect(null));
        DpopProofCheck.check(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().put("iat", NOW.getEpochSecond() - 59)).compact(),
                expect(null));
    }

    @Test
    void athMustHashThePresentedAccessToken() {
        String token = "at.value.x";
        refused(Proof.of(JwsAlgorithm.ES256).compact(), expect(token));
        refused(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().put("ath", Sha256.hash(token + "y"))).compact(), expect(token));
        DpopProofCheck.check(Proof.of(JwsAlgorithm.ES256).with(p -> p.claims().put("ath", Sha256.hash(token))).compact(), expect(token));
    }

    @Test
    void garbageIsInvalidNeverAnException() {
        for (String s : new String[] {"", "a.b", "a.b.c", "....", "x".repeat(20_000)}) {
            refused(s, expect(null));
        }
    }

    @Test
    void thumbprintOfTheRfc8037Example() throws Exception {
        // RFC 8037 A.3
        Map<String, Object> jwk = Map.of("kty", "OKP", "crv", "Ed25519", "x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                "kid", "ignored", "use", "sig");
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", Jwk.thumbprint(jwk));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> jwk(Proof p) {
        return (Map<String, Object>) p.header().get("jwk");
    }
}
