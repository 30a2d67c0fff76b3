package io.gatehouse.model.discovery;

import java.util.Set;

/**
 * Subject identifier types (OIDC Core 8): {@code public}, the local subject for every client, and {@code pairwise}
 * per client (8.1, {@code io.gatehouse.model.subject.SubjectIdentifiers}), for the clients that register it.
 */
public enum SubjectType implements Supported {
    PUBLIC("public", Set.of()),
    /** Registered per client; the users such a client sees come through the authorization endpoint. */
    PAIRWISE("pairwise", Set.of(Endpoint.AUTHORIZATION));

    private final String value;
    private final Set<Endpoint> requires;

    SubjectType(String value, Set<Endpoint> requires) {
        this.value = value;
        this.requires = requires;
    }

    @Override
    public String value() {
        return value;
    }

    @Override
    public Set<Endpoint> requires() {
        return requires;
    }
}
