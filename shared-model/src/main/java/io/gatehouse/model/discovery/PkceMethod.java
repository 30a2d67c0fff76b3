package io.gatehouse.model.discovery;

import static io.gatehouse.model.discovery.Endpoint.AUTHORIZATION;
import static io.gatehouse.model.discovery.Endpoint.TOKEN;

import java.util.Set;

/** PKCE code challenge methods (RFC 7636 4.2): S256 only; {@code plain} is refused (RFC 9700 2.1.1). */
public enum PkceMethod implements Supported {
    S256("S256");

    private final String value;

    PkceMethod(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The challenge is taken at the authorization endpoint and checked at the token endpoint. */
    @Override
    public Set<Endpoint> requires() {
        return Set.of(AUTHORIZATION, TOKEN);
    }
}
