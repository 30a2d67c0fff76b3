package io.gatehouse.model.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatehouse.model.jose.JwsAlgorithm;
import org.junit.jupiter.api.Test;

class TokenHashesTest {

    @Test
    void atHashIsLeftHalfOfSha256ForRs256() {
        // base64url(left 128 bits of SHA-256("jHkWEdUXMU1BwAsC4vtUsZwnNxVsHpw")), computed independently
        assertEquals("UCE6yTGnoBp3539Uw5Icmw", TokenHashes.leftHalfHash("jHkWEdUXMU1BwAsC4vtUsZwnNxVsHpw", JwsAlgorithm.RS256));
    }

    @Test
    void cHashUsesTheSameRule() {
        // OIDC Core A.4 example: code Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk -> c_hash LDktKdoQak3Pk0cnXxCltA
        assertEquals("LDktKdoQak3Pk0cnXxCltA", TokenHashes.leftHalfHash("Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk", JwsAlgorithm.RS256));
    }

    @Test
    void eddsaUsesSha512() {
        assertEquals(43, TokenHashes.leftHalfHash("x", JwsAlgorithm.EdDSA).length());
        assertEquals(22, TokenHashes.leftHalfHash("x", JwsAlgorithm.ES256).length());
    }
}
