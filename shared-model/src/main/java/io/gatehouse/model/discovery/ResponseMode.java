package io.gatehouse.model.discovery;

import static io.gatehouse.model.discovery.Endpoint.AUTHORIZATION;

import java.util.Set;

/** Response modes (OAuth 2.0 Multiple Response Type Encoding Practices 2.1, Form Post Response Mode 2). */
public enum ResponseMode implements Supported {
    QUERY("query"),
    FRAGMENT("fragment"),
    FORM_POST("form_post");

    private final String value;

    ResponseMode(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    @Override
    public Set<Endpoint> requires() {
        return Set.of(AUTHORIZATION);
    }
}
