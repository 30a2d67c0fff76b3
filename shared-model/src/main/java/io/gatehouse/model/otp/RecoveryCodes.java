package io.gatehouse.model.otp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-time recovery codes for a lost authenticator: {@code COUNT} codes of 10 base32 characters (50 bits each),
 * shown once as {@code xxxxx-xxxxx}; only their keyed hashes are stored. Pure.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    public static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            byte[] raw = new byte[7];
            RANDOM.nextBytes(raw);
            String c = Base32.encode(raw).substring(0, 10).toLowerCase(Locale.ROOT);
            codes.add(c.substring(0, 5) + "-" + c.substring(5));
        }
        return codes;
    }

    /** What the user typed, as hashed: upper case, without dashes and spaces; null unless 10 base32 characters. */
    public static String normalize(String presented) {
        if (presented == null || presented.length() > 32) {
            return null;
        }
        String c = presented.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        return c.length() == 10 && c.chars().allMatch(ch -> (ch >= 'A' && ch <= 'Z') || (ch >= '2' && ch <= '7')) ? c : null;
    }
}
