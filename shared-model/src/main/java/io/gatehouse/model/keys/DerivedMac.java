package io.gatehouse.model.keys;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a key derived from the key-encryption key for one purpose ({@link KeyEncryption#mac}): values
 * every replica computes alike and nobody without the deployment's key can predict (DPoP nonces, refresh token
 * successors). Immutable; a fresh {@link Mac} per call, so safe across threads.
 */
public final class DerivedMac {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    DerivedMac(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The 32-byte HMAC-SHA256 of {@code data}. */
    public byte[] tag(byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
