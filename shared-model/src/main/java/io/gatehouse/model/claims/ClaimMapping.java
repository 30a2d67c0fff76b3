package io.gatehouse.model.claims;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operator-defined mapping, LDAP-provider style: {@code claim <- sourceAttributes} (tried in order, the first
 * present and convertible value wins) converted by {@code type}. {@code claim} is a claim name or a dotted path
 * into a structured claim ({@code address.locality}).
 */
public record ClaimMapping(String claim, List<String> sourceAttributes, ClaimValueType type) {

    public ClaimMapping {
        sourceAttributes = List.copyOf(sourceAttributes);
    }

    public static ClaimMapping of(String claim, ClaimValueType type, String... sourceAttributes) {
        return new ClaimMapping(claim, List.of(sourceAttributes), type);
    }

    /** The top-level claim this mapping feeds ({@code address} for {@code address.locality}). */
    public String topLevelClaim() {
        int dot = claim.indexOf('.');
        return dot < 0 ? claim : claim.substring(0, dot);
    }

    /** The member inside the top-level claim, or null for a top-level mapping. */
    public String member() {
        int dot = claim.indexOf('.');
        return dot < 0 ? null : claim.substring(dot + 1);
    }

    /** The claim value from a user's attributes; empty when no source attribute yields a value. */
    public Optional<Object> valueFrom(Map<String, Object> attributes) {
        for (String attribute : sourceAttributes) {
            Optional<Object> value = type.convert(attributes.get(attribute));
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
