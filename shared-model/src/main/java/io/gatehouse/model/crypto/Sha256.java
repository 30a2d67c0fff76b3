package io.gatehouse.model.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * SHA-256 digests of high-entropy values (client secrets, authorization codes, refresh tokens,
 * session cookies). Such values are stored only as their digest; a salt adds nothing when the input
 * carries 256 random bits, and a fast hash keeps lookups by digest possible.
 */
public final class Sha256 {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private Sha256() {
    }

    /** Raw digest of the UTF-8 bytes of {@code value}. */
    public static byte[] digest(String value) {
        return digest(value.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] digest(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }

    /** base64url (no padding) of the digest: the form stored in the database. */
    public static String hash(String value) {
        return B64URL.encodeToString(digest(value));
    }

    /**
     * Whether {@code presented} hashes to {@code storedHash}, compared in constant time
     * (RFC 6749 10.10, RFC 9700 4.15): the time taken does not depend on where the digests differ.
     */
    public static boolean matches(String presented, String storedHash) {
        if (presented == null || storedHash == null) {
            return false;
        }
        byte[] expected = storedHash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = hash(presented).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }
}
