package io.gatehouse.model.dpop;

import io.gatehouse.model.keys.KeyEncryption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Server-provided DPoP nonces (RFC 9449 8, 9): the HMAC of the current period's number under a key derived from the
 * key-encryption key, so nothing is stored and every replica of every service issues and accepts the same values.
 * The nonce of the current and of the previous period are accepted.
 */
@ApplicationScoped
public class DpopNonces {

    static final String KEY_LABEL = "gatehouse dpop nonce v1";
    private static final int NONCE_BYTES = 18;

    @Inject
    KeyEncryption keys;
    @Inject
    DpopConfig config;

    /** The nonce to hand out now. */
    public String current() {
        return nonceFor(period(Instant.now()));
    }

    /** Whether {@code nonce} is the current or the previous period's nonce; compared in constant time. */
    public boolean accepts(String nonce) {
        if (nonce == null) {
            return false;
        }
        long period = period(Instant.now());
        byte[] presented = nonce.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(presented, nonceFor(period).getBytes(StandardCharsets.US_ASCII))
                | MessageDigest.isEqual(presented, nonceFor(period - 1).getBytes(StandardCharsets.US_ASCII));
    }

    private long period(Instant now) {
        return now.toEpochMilli() / Math.max(1, config.nonce().lifetime().toMillis());
    }

    private String nonceFor(long period) {
        byte[] tag = keys.mac(KEY_LABEL).tag(ByteBuffer.allocate(Long.BYTES).putLong(period).array());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(tag, NONCE_BYTES));
    }
}
