package io.gatehouse.model.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatehouse.model.jose.Jwk;
import io.gatehouse.model.jose.JwsAlgorithm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which of a client's JWKs may verify an assertion: the key decides the algorithm (RFC 8725 3.1). */
class ClientJwksCandidatesTest {

    static Map<String, Object> jwk(JwsAlgorithm alg, String kid) {
        return new HashMap<>(Jwk.publicJwk(alg.generateKeyPair().getPublic(), kid, alg));
    }

    @Test
    void kidAndKeyTypeSelectTheCandidates() {
        List<Map<String, Object>> keys = List.of(jwk(JwsAlgorithm.RS256, "r1"), jwk(JwsAlgorithm.RS256, "r2"),
                jwk(JwsAlgorithm.ES256, "e1"));
        assertEquals(1, ClientJwks.candidates(keys, "r2", JwsAlgorithm.RS256).size());
        assertEquals(2, ClientJwks.candidates(keys, null, JwsAlgorithm.RS256).size());
        assertEquals(0, ClientJwks.candidates(keys, "e1", JwsAlgorithm.RS256).size(), "an EC key never verifies RS256");
        assertEquals(0, ClientJwks.candidates(keys, "unknown", JwsAlgorithm.ES256).size());
    }

    @Test
    void keyRegisteredForAnotherAlgOrUseIsNoCandidate() {
        Map<String, Object> rsa = jwk(JwsAlgorithm.RS256, "r1");
        assertEquals(0, ClientJwks.candidates(List.of(rsa), "r1", JwsAlgorithm.PS256).size(), "alg RS256 key, PS256 token");
        rsa.remove("alg");
        assertEquals(1, ClientJwks.candidates(List.of(rsa), "r1", JwsAlgorithm.PS256).size());
        rsa.put("use", "enc");
        assertEquals(0, ClientJwks.candidates(List.of(rsa), "r1", JwsAlgorithm.PS256).size());
    }

    @Test
    void unusableKeysAreSkipped() {
        Map<String, Object> broken = new HashMap<>(Map.of("kty", "RSA", "kid", "b"));
        assertEquals(0, ClientJwks.candidates(List.of(broken), "b", JwsAlgorithm.RS256).size());
    }
}
