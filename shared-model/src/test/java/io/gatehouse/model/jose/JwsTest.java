package io.gatehouse.model.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class JwsTest {

    static final Map<String, Object> CLAIMS = Map.of("iss", "https://op.example", "sub", "alice", "exp", 2000000000L);

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void signedTokenVerifiesWithItsPublicJwk(JwsAlgorithm alg) throws Exception {
        KeyPair pair = alg.generateKeyPair();
        String token = Jws.sign(CLAIMS, alg, "k1", "JWT", pair.getPrivate());
        Jws.Parsed parsed = Jws.parse(token);
        assertEquals(alg, parsed.alg());
        assertEquals("k1", parsed.kid());
        assertEquals("JWT", parsed.typ());
        Map<String, Object> jwk = Jwk.publicJwk(pair.getPublic(), "k1", alg);
        assertTrue(parsed.verify(Jwk.publicKey(jwk)));
        assertEquals("alice", parsed.claims().get("sub"));
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void publicJwkHasNoPrivateMember(JwsAlgorithm alg) {
        Map<String, Object> jwk = Jwk.publicJwk(alg.generateKeyPair().getPublic(), "k", alg);
        for (String member : Set.of("d", "p", "q", "dp", "dq", "qi", "k")) {
            assertFalse(jwk.containsKey(member), member);
        }
        assertEquals("sig", jwk.get("use"));
        assertEquals(alg.name(), jwk.get("alg"));
    }

    @Test
    void tamperedPayloadDoesNotVerify() throws Exception {
        KeyPair pair = JwsAlgorithm.RS256.generateKeyPair();
        String[] parts = Jws.sign(CLAIMS, JwsAlgorithm.RS256, "k1", null, pair.getPrivate()).split("\\.");
        String forged = parts[0] + "." + b64("{\"sub\":\"mallory\"}") + "." + parts[2];
        assertFalse(Jws.parse(forged).verify(pair.getPublic()));
    }

    @Test
    void signatureFromAnotherKeyDoesNotVerify() throws Exception {
        String token = Jws.sign(CLAIMS, JwsAlgorithm.ES256, "k1", null, JwsAlgorithm.ES256.generateKeyPair().getPrivate());
        assertFalse(Jws.parse(token).verify(JwsAlgorithm.ES256.generateKeyPair().getPublic()));
    }

    @Test
    void algNoneAndHmacAreRejected() {
        assertThrows(InvalidJwsException.class, () -> Jws.parse(b64("{\"alg\":\"none\"}") + "." + b64("{}") + "."));
        assertThrows(InvalidJwsException.class, () -> Jws.parse(b64("{\"alg\":\"HS256\"}") + "." + b64("{}") + ".c2ln"));
    }

    @Test
    void malformedInputsAreRejected() {
        for (String bad : new String[] {null, "", "a.b", "a.b.c.d", "!!!.e30.e30", b64("[1]") + ".e30.", ".e30.", "x".repeat(20000)}) {
            assertThrows(InvalidJwsException.class, () -> Jws.parse(bad), String.valueOf(bad));
        }
    }

    @Test
    void criticalHeaderIsRejected() {
        assertThrows(InvalidJwsException.class,
                () -> Jws.parse(b64("{\"alg\":\"RS256\",\"crit\":[\"exp\"],\"exp\":1}") + "." + b64("{}") + ".c2ln"));
    }

    @Test
    void duplicateHeaderMembersAreRejected() {
        assertThrows(InvalidJwsException.class,
                () -> Jws.parse(b64("{\"alg\":\"RS256\",\"alg\":\"none\"}") + "." + b64("{}") + ".c2ln"));
    }

    static String hs256(String header, String payload, String secret) throws Exception {
        String input = b64(header) + "." + b64(payload);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static final String SECRET = "a-client-secret-of-at-least-32-bytes!";

    @Test
    void hs256ClientAssertionVerifiesWithItsSecretOnly() throws Exception {
        Jws.HmacParsed parsed = Jws.parseHs256(hs256("{\"alg\":\"HS256\"}", "{\"sub\":\"c\"}", SECRET));
        assertTrue(parsed.verify(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertFalse(parsed.verify((SECRET + "x").getBytes(StandardCharsets.UTF_8)));
        assertEquals("c", parsed.claims().get("sub"));
    }

    @Test
    void hs256ParsingRefusesEveryOtherAlgorithm() throws Exception {
        for (String alg : new String[] {"RS256", "none", "HS512", "hs256"}) {
            String token = hs256("{\"alg\":\"" + alg + "\"}", "{}", SECRET);
            assertThrows(InvalidJwsException.class, () -> Jws.parseHs256(token), alg);
        }
        assertThrows(InvalidJwsException.class, () -> Jws.parse(hs256("{\"alg\":\"HS256\"}", "{}", SECRET)),
                "the general parser keeps refusing HMAC");
    }

    @Test
    void hs256WithASecretShorterThan256BitsNeverVerifies() throws Exception {
        String shortSecret = "only-31-bytes-long-secret-value";
        Jws.HmacParsed parsed = Jws.parseHs256(hs256("{\"alg\":\"HS256\"}", "{}", shortSecret));
        assertFalse(parsed.verify(shortSecret.getBytes(StandardCharsets.UTF_8))); // RFC 7518 3.2
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
