package io.gatehouse.model.discovery;

import static io.gatehouse.model.discovery.Endpoint.AUTHORIZATION;
import static io.gatehouse.model.discovery.Endpoint.TOKEN;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The response types of OIDC Core 3 (code flow 3.1, implicit 3.2, hybrid 3.3). A type that returns a code is
 * true only when the token endpoint redeems codes too.
 */
public enum ResponseType implements Supported {
    CODE("code", AUTHORIZATION, TOKEN),
    ID_TOKEN("id_token", AUTHORIZATION),
    ID_TOKEN_TOKEN("id_token token", AUTHORIZATION),
    CODE_ID_TOKEN("code id_token", AUTHORIZATION, TOKEN),
    CODE_TOKEN("code token", AUTHORIZATION, TOKEN),
    CODE_ID_TOKEN_TOKEN("code id_token token", AUTHORIZATION, TOKEN);

    private final String value;
    private final Set<Endpoint> requires;

    ResponseType(String value, Endpoint... requires) {
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

    /** The type a {@code response_type} parameter names; its space-separated values are unordered (RFC 6749 3.1.1). */
    public static Optional<ResponseType> fromParameter(String parameter) {
        if (parameter == null) {
            return Optional.empty();
        }
        List<String> parts = Arrays.asList(parameter.split(" ", -1));
        Set<String> wanted = Set.copyOf(parts);
        if (wanted.size() != parts.size()) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> Set.of(t.value.split(" ")).equals(wanted)).findFirst();
    }
}
