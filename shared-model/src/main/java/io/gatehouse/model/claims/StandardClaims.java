package io.gatehouse.model.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standard claims of OIDC Core 5.1, the members of the address claim (5.1.1), and which claims each
 * scope requests (5.4).
 */
public final class StandardClaims {

    public static final String SUB = "sub";
    public static final String ADDRESS = "address";

    /** OIDC Core 5.1.1: the members of the address claim, all strings. */
    public static final Set<String> ADDRESS_MEMBERS = Set.of(
            "formatted", "street_address", "locality", "region", "postal_code", "country");

    /** OIDC Core 5.4: the claims each scope value requests. */
    public static final Map<String, List<String>> SCOPE_CLAIMS = scopeClaims();

    /**
     * Claims of OIDC Core 5.1 that carry a non-string JSON type, with the mapping value types that produce it.
     * Every other standard claim is a JSON string (mapping type {@code string}); address is a JSON object.
     */
    private static final Map<String, Set<ClaimValueType>> NON_STRING = Map.of(
            "email_verified", Set.of(ClaimValueType.BOOLEAN),
            "phone_number_verified", Set.of(ClaimValueType.BOOLEAN),
            "updated_at", Set.of(ClaimValueType.EPOCH_SECONDS, ClaimValueType.NUMBER),
            ADDRESS, Set.of(ClaimValueType.JSON));

    /**
     * Claims that describe the authentication or the token, not the user (OIDC Core 2, 3.1.3.6; RFC 7519 4.1):
     * the protocol sets them, a mapping may not.
     */
    public static final Set<String> PROTOCOL_CLAIMS = Set.of(SUB, "iss", "aud", "exp", "iat", "nbf", "jti",
            "auth_time", "nonce", "acr", "amr", "azp", "sid", "at_hash", "c_hash", "s_hash", "client_id", "scope",
            "cnf", "events", "_claim_names", "_claim_sources");

    private StandardClaims() {
    }

    private static Map<String, List<String>> scopeClaims() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("profile", List.of("name", "family_name", "given_name", "middle_name", "nickname", "preferred_username",
                "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"));
        m.put("email", List.of("email", "email_verified"));
        m.put(ADDRESS, List.of(ADDRESS));
        m.put("phone", List.of("phone_number", "phone_number_verified"));
        return Map.copyOf(m);
    }

    /** Every claim of OIDC Core 5.1 other than sub. */
    public static boolean isStandard(String claim) {
        return SCOPE_CLAIMS.values().stream().anyMatch(l -> l.contains(claim));
    }

    /** The value types that give {@code claim} its JSON type of OIDC Core 5.1 (any type for other claims). */
    public static Set<ClaimValueType> allowedTypes(String claim) {
        if (NON_STRING.containsKey(claim)) {
            return NON_STRING.get(claim);
        }
        return isStandard(claim) ? Set.of(ClaimValueType.STRING) : Set.of(ClaimValueType.values());
    }
}
