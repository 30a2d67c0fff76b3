package io.gatehouse.model.discovery;

import static io.gatehouse.model.discovery.Endpoint.AUTHORIZATION;
import static io.gatehouse.model.discovery.Endpoint.DEVICE_AUTHORIZATION;
import static io.gatehouse.model.discovery.Endpoint.TOKEN;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Grant types (RFC 6749 4, RFC 8628 3.4, RFC 8693 2.1) with the endpoints that together serve each one. */
public enum GrantType implements Supported {
    AUTHORIZATION_CODE("authorization_code", AUTHORIZATION, TOKEN),
    IMPLICIT("implicit", AUTHORIZATION),
    REFRESH_TOKEN("refresh_token", AUTHORIZATION, TOKEN),
    CLIENT_CREDENTIALS("client_credentials", TOKEN),
    DEVICE_CODE("urn:ietf:params:oauth:grant-type:device_code", DEVICE_AUTHORIZATION, TOKEN),
    /** RFC 8693 2.1. */
    TOKEN_EXCHANGE("urn:ietf:params:oauth:grant-type:token-exchange", TOKEN);

    private final String value;
    private final Set<Endpoint> requires;

    GrantType(String value, Endpoint... requires) {
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

    /** The grant type a {@code grant_type} parameter names. */
    public static Optional<GrantType> fromParameter(String parameter) {
        return Arrays.stream(values()).filter(g -> g.value.equals(parameter)).findFirst();
    }
}
