package io.gatehouse.e2e.robustness;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hostile JWS, built by hand from JSON text so that any header and any claim value (1e300, strings for numbers) can
 * be sent: {@code alg: none}, a key id that does not exist, an algorithm of another key type, HMAC keyed with the
 * server's public key (RFC 8725 2.1, 3.1), and validly signed tokens with impossible times.
 */
final class Forge {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private Forge() {
    }

    static String b64(String text) {
        return B64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code alg: none}, empty signature (RFC 7519 6.1). */
    static String unsigned(String kid, String payload) {
        String header = kid == null ? "{\"alg\":\"none\"}" : "{\"alg\":\"none\",\"kid\":\"" + kid + "\"}";
        return b64(header) + "." + b64(payload) + ".";
    }

    /** A JWS with the given header JSON, signed by {@code key} with the JCA algorithm for {@code alg}. */
    static String signed(String header, String payload, String alg, Object key) {
        String input = b64(header) + "." + b64(payload);
        byte[] data = input.getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] signature;
            if (alg.startsWith("HS")) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec((byte[]) key, "HmacSHA256"));
                signature = mac.doFinal(data);
            } else {
                Signature s = Signature.getInstance(switch (alg) {
                    case "RS256" -> "SHA256withRSA";
                    case "ES256" -> "SHA256withECDSAinP1363Format";
                    default -> throw new IllegalArgumentException(alg);
                });
                s.initSign((PrivateKey) key);
                s.update(data);
                signature = s.sign();
            }
            return input + "." + B64URL.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(String alg, String kid, String typ) {
        return "{\"alg\":\"" + alg + "\"" + (kid == null ? "" : ",\"kid\":\"" + kid + "\"")
                + (typ == null ? "" : ",\"typ\":\"" + typ + "\"") + "}";
    }

    /** The RSA public key of a JWK (n, e). */
    static PublicKey rsaPublicKey(Map<String, Object> jwk) throws GeneralSecurityException {
        Base64.Decoder d = Base64.getUrlDecoder();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, d.decode((String) jwk.get("n"))), new BigInteger(1, d.decode((String) jwk.get("e")))));
    }

    /** The PEM text of a public key: the HMAC key of the classic key-confusion attack. */
    static byte[] pem(PublicKey key) {
        return ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A public JWK of an RSA key, for registering a client's jwks. */
    static Map<String, Object> rsaJwk(java.security.interfaces.RSAPublicKey key, String kid) {
        return Map.of("kty", "RSA", "kid", kid, "use", "sig", "alg", "RS256",
                "n", B64URL.encodeToString(unsigned(key.getModulus())), "e", B64URL.encodeToString(unsigned(key.getPublicExponent())));
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
