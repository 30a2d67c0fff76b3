package io.gatehouse.model.otp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/...} URI that authenticator apps read from a QR code (the Key Uri Format of Google
 * Authenticator, which the others follow): label {@code issuer:account}, the base32 secret, and the parameters of
 * {@link Totp}.
 */
public final class OtpAuthUri {

    private OtpAuthUri() {
    }

    public static String of(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
