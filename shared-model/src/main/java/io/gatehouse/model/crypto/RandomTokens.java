package io.gatehouse.model.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values: codes, refresh tokens, secrets, session cookies, CSRF tokens (RFC 6749 10.10). */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    /** 256 random bits, base64url without padding (43 characters). */
    public static String random256() {
        return randomBytes(32);
    }

    /** {@code n} random bytes, base64url without padding. */
    public static String randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return B64URL.encodeToString(bytes);
    }

    public static byte[] raw(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
