package io.gatehouse.model.claims;

import static io.gatehouse.model.claims.ClaimValueType.BOOLEAN;
import static io.gatehouse.model.claims.ClaimValueType.EPOCH_SECONDS;
import static io.gatehouse.model.claims.ClaimValueType.STRING;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated attribute-to-claim mapping: the one mapping that feeds both the ID token and userinfo, for every
 * user store. Construction fails with {@link InvalidClaimMappingException} naming the offending entry, so an
 * invalid mapping stops a service at start instead of producing wrong claims.
 */
public final class ClaimMappings {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_:\\-]+");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z0-9_.;:\\-]+");

    /**
     * The default mapping (docs/claims.md), seeded into {@code claim_mappings} by migration V5. Attribute names
     * follow LDAP (inetOrgPerson) with common alternatives second.
     */
    public static final List<ClaimMapping> DEFAULT = List.of(
            ClaimMapping.of("name", STRING, "cn", "displayName"),
            ClaimMapping.of("given_name", STRING, "givenName", "firstname"),
            ClaimMapping.of("family_name", STRING, "sn", "lastname"),
            ClaimMapping.of("middle_name", STRING, "middleName"),
            ClaimMapping.of("nickname", STRING, "nickname"),
            ClaimMapping.of("preferred_username", STRING, "uid"),
            ClaimMapping.of("profile", STRING, "profile"),
            ClaimMapping.of("picture", STRING, "picture"),
            ClaimMapping.of("website", STRING, "labeledURI", "website"),
            ClaimMapping.of("gender", STRING, "gender"),
            ClaimMapping.of("birthdate", STRING, "birthdate"),
            ClaimMapping.of("zoneinfo", STRING, "zoneinfo"),
            ClaimMapping.of("locale", STRING, "preferredLanguage", "locale"),
            ClaimMapping.of("updated_at", EPOCH_SECONDS, "updatedAt", "modifyTimestamp"),
            ClaimMapping.of("email", STRING, "mail"),
            ClaimMapping.of("email_verified", BOOLEAN, "emailVerified"),
            ClaimMapping.of("phone_number", STRING, "telephoneNumber", "mobile"),
            ClaimMapping.of("phone_number_verified", BOOLEAN, "phoneNumberVerified"),
            ClaimMapping.of("address.formatted", STRING, "postalAddress"),
            ClaimMapping.of("address.street_address", STRING, "street"),
            ClaimMapping.of("address.locality", STRING, "l"),
            ClaimMapping.of("address.region", STRING, "st"),
            ClaimMapping.of("address.postal_code", STRING, "postalCode"),
            ClaimMapping.of("address.country", STRING, "c"));

    private final List<ClaimMapping> mappings;

    private ClaimMappings(List<ClaimMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    public static ClaimMappings defaults() {
        return of(DEFAULT);
    }

    /** Validates {@code mappings}; throws {@link InvalidClaimMappingException} on the first broken rule. */
    public static ClaimMappings of(List<ClaimMapping> mappings) {
        Set<String> claims = new HashSet<>();
        Set<String> topLevelOnly = new HashSet<>();
        Set<String> structured = new HashSet<>();
        for (ClaimMapping m : mappings) {
            validate(m);
            if (!claims.add(m.claim())) {
                throw invalid(m, "the claim is mapped twice");
            }
            if (m.member() == null) {
                topLevelOnly.add(m.claim());
            } else {
                structured.add(m.topLevelClaim());
            }
        }
        for (String claim : topLevelOnly) {
            if (structured.contains(claim)) {
                throw new InvalidClaimMappingException("claim mapping '" + claim + "': mapped both as a whole and by member");
            }
        }
        return new ClaimMappings(mappings);
    }

    private static void validate(ClaimMapping m) {
        if (m.claim() == null || m.claim().isBlank()) {
            throw new InvalidClaimMappingException("claim mapping with an empty claim name");
        }
        if (m.type() == null) {
            throw invalid(m, "no value type (one of string, boolean, number, epoch_seconds, json)");
        }
        String[] path = m.claim().split("\\.", -1);
        if (path.length > 2) {
            throw invalid(m, "a claim path has at most one dot (claim.member)");
        }
        for (String segment : path) {
            if (!NAME.matcher(segment).matches()) {
                throw invalid(m, "'" + segment + "' is not a valid claim name");
            }
        }
        String top = m.topLevelClaim();
        if (StandardClaims.PROTOCOL_CLAIMS.contains(top)) {
            throw invalid(m, "'" + top + "' is set by the protocol (sub is the user id) and cannot be mapped");
        }
        if (m.sourceAttributes().isEmpty()) {
            throw invalid(m, "no source attribute");
        }
        for (String attribute : m.sourceAttributes()) {
            if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
                throw invalid(m, "'" + attribute + "' is not a valid attribute name");
            }
        }
        if (m.member() != null) {
            if (StandardClaims.ADDRESS.equals(top) && !StandardClaims.ADDRESS_MEMBERS.contains(m.member())) {
                throw invalid(m, "address has no member '" + m.member() + "' (OIDC Core 5.1.1: "
                        + String.join(", ", new java.util.TreeSet<>(StandardClaims.ADDRESS_MEMBERS)) + ")");
            }
            if (StandardClaims.ADDRESS.equals(top) && m.type() != STRING) {
                throw invalid(m, "address members are strings (OIDC Core 5.1.1); use value type string");
            }
            if (!StandardClaims.ADDRESS.equals(top) && StandardClaims.isStandard(top)) {
                throw invalid(m, "'" + top + "' is not a structured claim (OIDC Core 5.1)");
            }
            return;
        }
        Set<ClaimValueType> allowed = StandardClaims.allowedTypes(m.claim());
        if (!allowed.contains(m.type())) {
            throw invalid(m, "value type " + m.type().configName() + " does not give the JSON type OIDC Core 5.1 defines; use "
                    + String.join(" or ", allowed.stream().map(ClaimValueType::configName).sorted().toList()));
        }
    }

    private static InvalidClaimMappingException invalid(ClaimMapping m, String rule) {
        return new InvalidClaimMappingException("claim mapping '" + m.claim() + "' <- " + m.sourceAttributes() + ": " + rule);
    }

    public List<ClaimMapping> mappings() {
        return mappings;
    }

    /** Top-level claim names this mapping can produce (for {@code claims_supported}, OIDC Discovery 3). */
    public Set<String> claimNames() {
        Set<String> names = new java.util.LinkedHashSet<>();
        mappings.forEach(m -> names.add(m.topLevelClaim()));
        return Collections.unmodifiableSet(names);
    }

    /**
     * Every claim the user's attributes yield: absent or unconvertible attributes give no claim, a structured
     * claim exists only when at least one member has a value.
     */
    public Map<String, Object> apply(Map<String, Object> attributes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (attributes == null) {
            return claims;
        }
        for (ClaimMapping m : mappings) {
            m.valueFrom(attributes).ifPresent(value -> {
                if (m.member() == null) {
                    claims.put(m.claim(), value);
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> object = (Map<String, Object>) claims.computeIfAbsent(m.topLevelClaim(),
                            k -> new LinkedHashMap<String, Object>());
                    object.put(m.member(), value);
                }
            });
        }
        return claims;
    }
}
