package io.gatehouse.model.authorization;

import java.util.Arrays;
import java.util.Optional;

/** Values of the prompt parameter (OIDC Core 3.1.2.1). */
public enum Prompt {
    NONE("none"),
    LOGIN("login"),
    CONSENT("consent"),
    SELECT_ACCOUNT("select_account");

    private final String value;

    Prompt(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Prompt> parse(String value) {
        return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
    }
}
