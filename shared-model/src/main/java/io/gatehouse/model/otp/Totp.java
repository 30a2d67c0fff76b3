package io.gatehouse.model.otp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) as authenticator apps compute them: HMAC-SHA1, 30 s
 * steps from the Unix epoch, 6 digits. Pure; the caller keeps the last step used, so a code is accepted once.
 */
public final class Totp {

    /** RFC 6238 4.1: X, the step size. */
    public static final long STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Steps accepted either side of the current one, for clock drift and typing time (RFC 6238 5.2). */
    public static final int WINDOW = 1;
    /** 160-bit secrets, the HMAC-SHA1 output size (RFC 4226 4, R6). */
    public static final int SECRET_BYTES = 20;

    private Totp() {
    }

    /** T = floor((now - T0) / X), RFC 6238 4.2. */
    public static long step(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of {@code step}: RFC 4226 5.3 dynamic truncation, {@code DIGITS} digits, zero-padded. */
    public static String code(byte[] secret, long step) {
        byte[] hash = hmacSha1(secret, ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int otp = binary % (int) Math.pow(10, DIGITS);
        return String.format("%0" + DIGITS + "d", otp);
    }

    /**
     * The step within {@code WINDOW} of {@code currentStep}, later than {@code lastUsedStep} (a code is good once),
     * whose code is {@code presented}; empty if none. Every candidate is compared, in constant time.
     */
    public static OptionalLong verify(byte[] secret, String presented, long currentStep, long lastUsedStep) {
        String normalized = normalize(presented);
        if (normalized == null) {
            return OptionalLong.empty();
        }
        long found = Long.MIN_VALUE;
        for (long step = currentStep - WINDOW; step <= currentStep + WINDOW; step++) {
            boolean equal = MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    normalized.getBytes(StandardCharsets.US_ASCII));
            if (equal && step > lastUsedStep && found == Long.MIN_VALUE) {
                found = step;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** What the user typed, without spaces; null unless exactly {@code DIGITS} digits. */
    static String normalize(String presented) {
        if (presented == null || presented.length() > 32) {
            return null;
        }
        String digits = presented.replace(" ", "");
        return digits.length() == DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9') ? digits : null;
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 unavailable", e);
        }
    }
}
