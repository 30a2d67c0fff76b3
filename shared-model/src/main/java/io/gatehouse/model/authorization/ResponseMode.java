package io.gatehouse.model.authorization;

import java.util.Arrays;
import java.util.Optional;

/** How the authorization response reaches the client (Multiple Response Types 2.1; Form Post Response Mode 2). */
public enum ResponseMode {
    QUERY("query"),
    FRAGMENT("fragment"),
    FORM_POST("form_post");

    private final String value;

    ResponseMode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ResponseMode> parse(String parameter) {
        return Arrays.stream(values()).filter(m -> m.value.equals(parameter)).findFirst();
    }
}
