package io.gatehouse.model.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** Compact JWE with the supported algorithms (RFC 7516, RFC 7518 4-5, OIDC Core 10.2). */
class JweTest {

    static final KeyPair RSA = EncryptionKeyType.ENC_RSA.generateKeyPair();
    static final KeyPair EC = EncryptionKeyType.ENC_EC.generateKeyPair();
    static final String SECRET = "a client secret of some length, as issued";

    static Key encryptionKey(JweAlgorithm alg, JweEncryption enc) {
        return switch (alg.keyType()) {
            case "RSA" -> RSA.getPublic();
            case "EC" -> EC.getPublic();
            default -> Jwe.symmetricKey(SECRET, alg, enc);
        };
    }

    static Key decryptionKey(JweAlgorithm alg, JweEncryption enc) {
        return switch (alg.keyType()) {
            case "RSA" -> RSA.getPrivate();
            case "EC" -> EC.getPrivate();
            default -> Jwe.symmetricKey(SECRET, alg, enc);
        };
    }

    @Test
    void everyAlgorithmAndEncryptionRoundTrips() throws Exception {
        for (JweAlgorithm alg : JweAlgorithm.values()) {
            for (JweEncryption enc : JweEncryption.values()) {
                String jwe = Jwe.encrypt("a.signed.jwt", Jwe.NESTED_JWT, alg, enc, encryptionKey(alg, enc), "k1");
                assertTrue(Jwe.looksEncrypted(jwe), alg + " " + enc);
                Jwe.Header header = Jwe.header(jwe);
                assertEquals(alg, header.alg());
                assertEquals(enc, header.enc());
                assertEquals("k1", header.kid());
                assertEquals("JWT", header.cty(), "RFC 7519 5.2: a nested JWT says so");
                assertEquals("a.signed.jwt", Jwe.decrypt(jwe, decryptionKey(alg, enc)), alg + " " + enc);
            }
        }
    }

    @Test
    void symmetricKeyIsTheLeftmostBitsOfTheSecretsHash() throws Exception {
        // OIDC Core 10.2: SHA-256 for keys of up to 256 bits, SHA-512 for 512-bit keys (A256CBC-HS512 with dir)
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(SECRET.getBytes(StandardCharsets.UTF_8));
        byte[] sha512 = MessageDigest.getInstance("SHA-512").digest(SECRET.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(Arrays.copyOf(sha256, 16), Jwe.symmetricKey(SECRET, JweAlgorithm.A128KW, JweEncryption.A256GCM).getEncoded());
        assertArrayEquals(sha256, Jwe.symmetricKey(SECRET, JweAlgorithm.A256KW, JweEncryption.A128GCM).getEncoded());
        assertArrayEquals(Arrays.copyOf(sha256, 16), Jwe.symmetricKey(SECRET, JweAlgorithm.DIR, JweEncryption.A128GCM).getEncoded());
        assertArrayEquals(sha256, Jwe.symmetricKey(SECRET, JweAlgorithm.DIR, JweEncryption.A128CBC_HS256).getEncoded());
        assertArrayEquals(sha512, Jwe.symmetricKey(SECRET, JweAlgorithm.DIR, JweEncryption.A256CBC_HS512).getEncoded());
        assertThrows(IllegalArgumentException.class, () -> Jwe.symmetricKey(SECRET, JweAlgorithm.RSA_OAEP, JweEncryption.A128GCM));
    }

    @Test
    void wrongKeyOrTamperedCiphertextDoesNotDecrypt() throws Exception {
        String jwe = Jwe.encrypt("{}", null, JweAlgorithm.RSA_OAEP_256, JweEncryption.A256GCM, RSA.getPublic(), null);
        KeyPair other = EncryptionKeyType.ENC_RSA.generateKeyPair();
        assertThrows(InvalidJweException.class, () -> Jwe.decrypt(jwe, other.getPrivate()));
        String[] parts = jwe.split("\\.");
        parts[3] = (parts[3].charAt(0) == 'A' ? "B" : "A") + parts[3].substring(1);
        assertThrows(InvalidJweException.class, () -> Jwe.decrypt(String.join(".", parts), RSA.getPrivate()));
        SecretKey wrong = Jwe.symmetricKey("another secret", JweAlgorithm.A128KW, JweEncryption.A128GCM);
        String wrapped = Jwe.encrypt("{}", null, JweAlgorithm.A128KW, JweEncryption.A128GCM,
                Jwe.symmetricKey(SECRET, JweAlgorithm.A128KW, JweEncryption.A128GCM), null);
        assertThrows(InvalidJweException.class, () -> Jwe.decrypt(wrapped, wrong));
    }

    @Test
    void unsupportedHeadersAreRefusedBeforeAnyDecryption() {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        for (String header : new String[] {"{\"alg\":\"RSA1_5\",\"enc\":\"A128GCM\"}", "{\"alg\":\"PBES2-HS256+A128KW\",\"enc\":\"A128GCM\",\"p2c\":99999999,\"p2s\":\"AAAA\"}",
                "{\"alg\":\"RSA-OAEP\",\"enc\":\"A192GCM\"}", "{\"alg\":\"RSA-OAEP\",\"enc\":\"A128GCM\",\"zip\":\"DEF\"}",
                "{\"alg\":\"RSA-OAEP\",\"enc\":\"A128GCM\",\"crit\":[\"x\"],\"x\":1}", "{\"alg\":\"none\"}", "not json"}) {
            String jwe = b.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + ".AAAA.AAAA.AAAA.AAAA";
            assertThrows(InvalidJweException.class, () -> Jwe.decrypt(jwe, RSA.getPrivate()), header);
        }
        assertThrows(InvalidJweException.class, () -> Jwe.decrypt("a.b.c", RSA.getPrivate()));
        assertThrows(InvalidJweException.class, () -> Jwe.decrypt("a.b.c.d.e", RSA.getPrivate()));
        assertThrows(InvalidJweException.class, () -> Jwe.decrypt("x".repeat(Jwe.MAX_LENGTH) + "....", RSA.getPrivate()));
    }

    @Test
    void eachEncryptionUsesAFreshContentKey() {
        String one = Jwe.encrypt("same", null, JweAlgorithm.ECDH_ES, JweEncryption.A128GCM, EC.getPublic(), null);
        String two = Jwe.encrypt("same", null, JweAlgorithm.ECDH_ES, JweEncryption.A128GCM, EC.getPublic(), null);
        assertNotEquals(one, two);
    }

    @Test
    void providerEncryptionKeysArePublishedForEncryptionWithoutAnAlg() {
        var jwk = EncryptionKeyType.ENC_EC.publicJwk(EC.getPublic(), "e1");
        assertEquals("enc", jwk.get("use"));
        assertEquals("EC", jwk.get("kty"));
        assertTrue(!jwk.containsKey("alg") && !Jwk.hasPrivateMembers(jwk), jwk.toString());
        assertTrue(EncryptionKeyType.ENC_EC.serves(JweAlgorithm.ECDH_ES_A256KW));
        assertEquals(EncryptionKeyType.ENC_RSA, EncryptionKeyType.forAlgorithm(JweAlgorithm.RSA_OAEP).orElseThrow());
        assertTrue(EncryptionKeyType.forAlgorithm(JweAlgorithm.DIR).isEmpty());
    }
}
