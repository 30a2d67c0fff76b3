package io.gatehouse.model.registration;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The response_type values a client may register, in canonical order (RFC 6749 3.1.1: the order of the
 * space-delimited values does not matter), and the grant types each one needs (OIDC Registration 2).
 */
public final class ResponseTypes {

    /** OIDC Core 3 (code, implicit and hybrid flows). Plain OAuth {@code token} and {@code none} are not offered. */
    public static final List<String> SUPPORTED = List.of("code", "id_token", "id_token token", "code id_token",
            "code token", "code id_token token");
    private static final List<String> ORDER = List.of("code", "id_token", "token");

    private ResponseTypes() {
    }

    /** The canonical spelling of {@code value} ("token id_token" becomes "id_token token"); empty when unsupported. */
    public static Optional<String> canonical(String value) {
        Set<String> parts = new LinkedHashSet<>();
        for (String part : value.split(" ")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!ORDER.contains(part) || !parts.add(part)) {
                return Optional.empty();
            }
        }
        String canonical = String.join(" ", ORDER.stream().filter(parts::contains).toList());
        return SUPPORTED.contains(canonical) ? Optional.of(canonical) : Optional.empty();
    }

    /**
     * OIDC Registration 2 grant_types: {@code code} needs authorization_code; {@code id_token} and {@code token}
     * need implicit.
     */
    public static Set<String> requiredGrantTypes(String canonicalResponseType) {
        Set<String> grants = new LinkedHashSet<>();
        for (String part : canonicalResponseType.split(" ")) {
            grants.add(part.equals("code") ? "authorization_code" : "implicit");
        }
        return grants;
    }
}
