package io.gatehouse.model.discovery;

import static io.gatehouse.model.discovery.Endpoint.AUTHORIZATION;
import static io.gatehouse.model.discovery.Endpoint.TOKEN;

import java.util.Set;

/**
 * Scope values Gatehouse defines and advertises (OIDC Core 3.1.2.1, 5.4, 11). Scopes are requested at the
 * authorization endpoint; offline_access yields a refresh token, which the token endpoint serves.
 */
public enum Scope implements Supported {
    OPENID("openid", AUTHORIZATION),
    PROFILE("profile", AUTHORIZATION),
    EMAIL("email", AUTHORIZATION),
    ADDRESS("address", AUTHORIZATION),
    PHONE("phone", AUTHORIZATION),
    OFFLINE_ACCESS("offline_access", AUTHORIZATION, TOKEN);

    /** The operators' scope: the admin API and emergency key rotation require it. Never advertised. */
    public static final String ADMIN = "gatehouse:admin";

    private final String value;
    private final Set<Endpoint> requires;

    Scope(String value, Endpoint... requires) {
        this.value = value;
        this.requires = Set.of(requires);
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
