package io.gatehouse.model.discovery;

import java.util.Set;

/** Subject identifier types (OIDC Core 8): public only; {@code sub} is the user's id for every client. */
public enum SubjectType implements Supported {
    PUBLIC("public");

    private final String value;

    SubjectType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    @Override
    public Set<Endpoint> requires() {
        return Set.of();
    }
}
