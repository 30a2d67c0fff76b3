package io.gatehouse.model.discovery;

import java.util.Arrays;
import java.util.List;

/**
 * The authentication method references Gatehouse puts in {@code amr} (OIDC Core 2, RFC 8176 2): a password, a
 * one-time password, and "more than one factor". Each login's list decides its {@link AcrValue}.
 */
public enum AmrValue {
    PASSWORD("pwd"),
    OTP("otp"),
    MFA("mfa");

    private final String value;

    AmrValue(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The {@code amr} of a login with these methods, in order. */
    public static List<String> of(AmrValue... methods) {
        return Arrays.stream(methods).map(AmrValue::value).toList();
    }

    /** The acr a login with {@code amr} reaches: MFA with more than one factor, else PASSWORD. */
    public static AcrValue acr(List<String> amr) {
        return amr.contains(MFA.value) ? AcrValue.MFA : AcrValue.PASSWORD;
    }
}
