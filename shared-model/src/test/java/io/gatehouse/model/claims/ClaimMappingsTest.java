package io.gatehouse.model.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimMappingsTest {

    /** The attributes of alice in deploy/local/bootstrap/bootstrap.yaml. */
    static Map<String, Object> alice() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("cn", "Alice Liddell");
        a.put("givenName", "Alice");
        a.put("sn", "Liddell");
        a.put("uid", "alice");
        a.put("mail", "alice@example.com");
        a.put("emailVerified", true);
        a.put("telephoneNumber", "+1 555 0100");
        a.put("preferredLanguage", "en-GB");
        a.put("postalAddress", "1 Rabbit Hole, Oxford OX1 1AA, UK");
        a.put("street", "1 Rabbit Hole");
        a.put("l", "Oxford");
        a.put("st", "Oxfordshire");
        a.put("postalCode", "OX1 1AA");
        a.put("c", "GB");
        return a;
    }

    @Test
    void defaultMappingIsValid() {
        assertEquals(ClaimMappings.DEFAULT.size(), ClaimMappings.defaults().mappings().size());
        assertTrue(ClaimMappings.defaults().claimNames().containsAll(List.of("name", "email", "address", "updated_at")));
    }

    @Test
    void defaultMappingTurnsDirectoryAttributesIntoTypedStandardClaims() {
        Map<String, Object> claims = ClaimMappings.defaults().apply(alice());
        assertEquals("Alice Liddell", claims.get("name"));
        assertEquals("Alice", claims.get("given_name"));
        assertEquals("Liddell", claims.get("family_name"));
        assertEquals("alice", claims.get("preferred_username"));
        assertEquals("en-GB", claims.get("locale"));
        assertEquals("alice@example.com", claims.get("email"));
        assertEquals(Boolean.TRUE, claims.get("email_verified"));
        assertEquals("+1 555 0100", claims.get("phone_number"));
        assertEquals(Map.of("formatted", "1 Rabbit Hole, Oxford OX1 1AA, UK", "street_address", "1 Rabbit Hole",
                "locality", "Oxford", "region", "Oxfordshire", "postal_code", "OX1 1AA", "country", "GB"), claims.get("address"));
    }

    @Test
    void absentAttributesAreOmittedNeverEmptyOrNull() {
        Map<String, Object> claims = ClaimMappings.defaults().apply(Map.of("uid", "bob", "mail", ""));
        assertEquals(Map.of("preferred_username", "bob"), claims);
        assertFalse(claims.containsKey("address"), "no address member, no address claim");
    }

    @Test
    void sourceAttributesAreTriedInOrder() {
        Map<String, Object> claims = ClaimMappings.defaults().apply(Map.of("displayName", "Bob B.", "firstname", "Bob",
                "lastname", "Builder"));
        assertEquals("Bob B.", claims.get("name"));
        assertEquals("Bob", claims.get("given_name"));
        assertEquals("Builder", claims.get("family_name"));
        assertEquals("Carol", ClaimMappings.defaults().apply(Map.of("cn", "Carol", "displayName", "C.")).get("name"));
    }

    @Test
    void mappingConvertsTypes() {
        ClaimMappings m = ClaimMappings.of(List.of(
                ClaimMapping.of("email_verified", ClaimValueType.BOOLEAN, "emailVerified"),
                ClaimMapping.of("updated_at", ClaimValueType.EPOCH_SECONDS, "modifyTimestamp"),
                ClaimMapping.of("age", ClaimValueType.NUMBER, "age"),
                ClaimMapping.of("groups", ClaimValueType.JSON, "memberOf")));
        Map<String, Object> claims = m.apply(Map.of("emailVerified", "TRUE", "modifyTimestamp", "20231114221320Z",
                "age", "42", "memberOf", List.of("admins", "staff")));
        assertEquals(Boolean.TRUE, claims.get("email_verified"));
        assertEquals(1_700_000_000L, claims.get("updated_at"));
        assertEquals(42L, claims.get("age"));
        assertEquals(List.of("admins", "staff"), claims.get("groups"));
    }

    @Test
    void standardClaimWithWrongJsonTypeIsInvalid() {
        InvalidClaimMappingException e = assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(
                ClaimMapping.of("email_verified", ClaimValueType.STRING, "emailVerified"))));
        assertTrue(e.getMessage().contains("email_verified") && e.getMessage().contains("boolean"), e.getMessage());
        assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(
                ClaimMapping.of("name", ClaimValueType.NUMBER, "cn"))));
        assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(
                ClaimMapping.of("updated_at", ClaimValueType.STRING, "modifyTimestamp"))));
        assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(
                ClaimMapping.of("address.locality", ClaimValueType.NUMBER, "l"))));
    }

    @Test
    void unknownAddressMemberIsInvalid() {
        InvalidClaimMappingException e = assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(
                ClaimMapping.of("address.city", ClaimValueType.STRING, "l"))));
        assertTrue(e.getMessage().contains("address.city"), e.getMessage());
    }

    @Test
    void protocolClaimsCannotBeMapped() {
        assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(ClaimMapping.of("sub", ClaimValueType.STRING, "uid"))));
        assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(ClaimMapping.of("iss", ClaimValueType.STRING, "o"))));
    }

    @Test
    void malformedMappingsAreInvalid() {
        assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(new ClaimMapping("nickname", List.of(), ClaimValueType.STRING))));
        assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(ClaimMapping.of("a.b.c", ClaimValueType.STRING, "x"))));
        assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(ClaimMapping.of("", ClaimValueType.STRING, "x"))));
        assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(ClaimMapping.of("nickname", ClaimValueType.STRING, "bad attr"))));
        assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(ClaimMapping.of("nickname", null, "x"))));
        assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(ClaimMapping.of("email.x", ClaimValueType.STRING, "x"))));
    }

    @Test
    void claimMappedTwiceOrAsWholeAndByMemberIsInvalid() {
        assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(
                ClaimMapping.of("nickname", ClaimValueType.STRING, "a"), ClaimMapping.of("nickname", ClaimValueType.STRING, "b"))));
        assertThrows(InvalidClaimMappingException.class, () -> ClaimMappings.of(List.of(
                ClaimMapping.of("address", ClaimValueType.JSON, "addr"), ClaimMapping.of("address.country", ClaimValueType.STRING, "c"))));
    }

    @Test
    void customClaimsMayHaveAnyTypeAndStructure() {
        ClaimMappings m = ClaimMappings.of(List.of(ClaimMapping.of("org.unit", ClaimValueType.STRING, "ou"),
                ClaimMapping.of("address", ClaimValueType.JSON, "addressJson")));
        assertEquals(Map.of("org", Map.of("unit", "Sales"), "address", Map.of("country", "GB")),
                m.apply(Map.of("ou", "Sales", "addressJson", "{\"country\":\"GB\"}")));
    }
}
