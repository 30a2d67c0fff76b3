package io.gatehouse.model.token;

import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.jose.Jws;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/** Proof Key for Code Exchange (RFC 7636): syntax of verifiers and challenges, and the check of 4.6. Pure. */
public final class Pkce {

    public static final String S256 = "S256";
    public static final String PLAIN = "plain";
    /** RFC 7636 4.1 and 4.2: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    /** Whether {@code value} is a syntactically valid code_verifier or code_challenge (RFC 7636 4.1, 4.2). */
    public static boolean wellFormed(String value) {
        return value != null && SYNTAX.matcher(value).matches();
    }

    /** Whether {@code method} is a code_challenge_method Gatehouse knows; null means plain (RFC 7636 4.3). */
    public static boolean supportedMethod(String method) {
        return method == null || S256.equals(method) || PLAIN.equals(method);
    }

    /** BASE64URL(SHA256(ASCII(verifier))) (RFC 7636 4.2). */
    public static String s256Challenge(String verifier) {
        return Jws.base64Url(Sha256.digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * RFC 7636 4.6: whether {@code verifier} matches the {@code challenge} stored with the code, by the method stored
     * with it (null meaning plain, 4.3). A malformed verifier never matches. Constant-time comparison.
     */
    public static boolean verify(String challenge, String method, String verifier) {
        if (challenge == null || !wellFormed(verifier) || !supportedMethod(method)) {
            return false;
        }
        String derived = S256.equals(method) ? s256Challenge(verifier) : verifier;
        return MessageDigest.isEqual(derived.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
