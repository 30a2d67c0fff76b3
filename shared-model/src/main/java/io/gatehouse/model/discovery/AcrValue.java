package io.gatehouse.model.discovery;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The authentication context classes Gatehouse asserts in {@code acr} (OIDC Core 2) and advertises in
 * {@code acr_values_supported} (OIDC Discovery 3): a password alone, or a password and a second factor.
 */
public enum AcrValue {
    PASSWORD("urn:gatehouse:acr:pwd"),
    MFA("urn:gatehouse:acr:mfa");

    private final String value;

    AcrValue(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<AcrValue> of(String value) {
        return Arrays.stream(values()).filter(a -> a.value.equals(value)).findFirst();
    }

    public static List<String> valueList() {
        return Arrays.stream(values()).map(AcrValue::value).toList();
    }
}
