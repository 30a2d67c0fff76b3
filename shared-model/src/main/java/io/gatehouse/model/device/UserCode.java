package io.gatehouse.model.device;

import io.gatehouse.model.crypto.RandomTokens;
import java.util.Locale;
import java.util.Optional;

/**
 * User codes of the device authorization grant (RFC 8628 3.2, 5.1, 6.1): 8 characters of a 20-letter alphabet without
 * vowels (no words) or look-alikes (no 0/O, 1/I), about 34.5 bits, shown as {@code XXXX-XXXX}. What the user types is
 * compared case-insensitively with separators, spaces and punctuation ignored; the normalized form (8 upper-case
 * letters) is what is stored. Guessing is bounded by the expiry and by throttling at the verification page. Pure.
 */
public final class UserCode {

    /** RFC 8628 6.1: base-20 without vowels. */
    public static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    public static final int LENGTH = 8;
    /** Longer input is not looked at (a user code with any amount of decoration stays far below it). */
    private static final int MAX_INPUT = 64;

    private UserCode() {
    }

    /** A new random user code, normalized. Uniform over the alphabet (rejection sampling of random bytes). */
    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        int usable = 256 - 256 % ALPHABET.length();
        while (code.length() < LENGTH) {
            for (byte b : RandomTokens.raw(LENGTH * 2)) {
                int v = b & 0xff;
                if (v < usable && code.length() < LENGTH) {
                    code.append(ALPHABET.charAt(v % ALPHABET.length()));
                }
            }
        }
        return code.toString();
    }

    /**
     * The normalized form of what the user typed, or empty when it cannot be a user code: letters upper-cased,
     * everything but letters and digits dropped (RFC 8628 6.1: "XXXX-XXXX", "xxxx xxxx" and "XXXXXXXX" are one code).
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > MAX_INPUT) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                if (ALPHABET.indexOf(c) < 0 || code.length() == LENGTH) {
                    return Optional.empty();
                }
                code.append(c);
            }
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    /** How a normalized code is shown to the user: {@code XXXX-XXXX}. */
    public static String display(String normalized) {
        int half = normalized.length() / 2;
        return normalized.substring(0, half) + "-" + normalized.substring(half);
    }
}
