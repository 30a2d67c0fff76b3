package io.gatehouse.model.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimValueTypeTest {

    @Test
    void stringWritesNumbersAndBooleansAsText() {
        assertEquals(Optional.of("42"), ClaimValueType.STRING.convert(42));
        assertEquals(Optional.of("true"), ClaimValueType.STRING.convert(true));
        assertEquals(Optional.of("Alice"), ClaimValueType.STRING.convert("Alice"));
    }

    @Test
    void emptyOrAbsentValuesGiveNoClaim() {
        for (ClaimValueType type : ClaimValueType.values()) {
            assertTrue(type.convert(null).isEmpty(), type + " null");
            assertTrue(type.convert("").isEmpty(), type + " empty");
            assertTrue(type.convert("   ").isEmpty(), type + " blank");
            assertTrue(type.convert(List.of()).isEmpty(), type + " empty list");
        }
    }

    @Test
    void multiValuedAttributeContributesItsFirstValue() {
        assertEquals(Optional.of("alice@example.com"), ClaimValueType.STRING.convert(List.of("alice@example.com", "a@example.org")));
        assertEquals(Optional.of(true), ClaimValueType.BOOLEAN.convert(List.of("TRUE")));
    }

    @Test
    void booleanAcceptsBooleansAndLdapText() {
        assertEquals(Optional.of(true), ClaimValueType.BOOLEAN.convert(true));
        assertEquals(Optional.of(true), ClaimValueType.BOOLEAN.convert("TRUE"));
        assertEquals(Optional.of(false), ClaimValueType.BOOLEAN.convert("false"));
        assertEquals(Optional.of(true), ClaimValueType.BOOLEAN.convert("1"));
        assertEquals(Optional.of(false), ClaimValueType.BOOLEAN.convert(0));
        assertTrue(ClaimValueType.BOOLEAN.convert("maybe").isEmpty());
    }

    @Test
    void numberAcceptsNumbersAndNumericText() {
        assertEquals(Optional.of(7L), ClaimValueType.NUMBER.convert("7"));
        assertEquals(Optional.of(3), ClaimValueType.NUMBER.convert(3));
        assertEquals("2.5", ClaimValueType.NUMBER.convert("2.5").orElseThrow().toString());
        assertTrue(ClaimValueType.NUMBER.convert("seven").isEmpty());
        assertTrue(ClaimValueType.NUMBER.convert(true).isEmpty());
    }

    @Test
    void epochSecondsAcceptsSecondsIsoDateTimesGeneralizedTimeAndDates() {
        assertEquals(Optional.of(1_700_000_000L), ClaimValueType.EPOCH_SECONDS.convert(1_700_000_000L));
        assertEquals(Optional.of(1_700_000_000L), ClaimValueType.EPOCH_SECONDS.convert("1700000000"));
        assertEquals(Optional.of(1_700_000_000L), ClaimValueType.EPOCH_SECONDS.convert("2023-11-14T22:13:20Z"));
        assertEquals(Optional.of(1_700_000_000L), ClaimValueType.EPOCH_SECONDS.convert("2023-11-15T00:13:20+02:00"));
        assertEquals(Optional.of(1_700_000_000L), ClaimValueType.EPOCH_SECONDS.convert("20231114221320Z"));
        assertEquals(Optional.of(1_700_000_000L), ClaimValueType.EPOCH_SECONDS.convert("20231114221320.0Z"));
        assertEquals(Optional.of(1_699_920_000L), ClaimValueType.EPOCH_SECONDS.convert("2023-11-14"));
        assertTrue(ClaimValueType.EPOCH_SECONDS.convert("last tuesday").isEmpty());
    }

    @Test
    void jsonKeepsStructuresAndParsesJsonText() {
        assertEquals(Optional.of(Map.of("a", 1)), ClaimValueType.JSON.convert("{\"a\":1}"));
        assertEquals(Optional.of(List.of("x", "y")), ClaimValueType.JSON.convert("[\"x\",\"y\"]"));
        assertEquals(Optional.of(List.of("admins", "staff")), ClaimValueType.JSON.convert(List.of("admins", "staff")));
        assertEquals(Optional.of("plain"), ClaimValueType.JSON.convert("plain"));
    }

    @Test
    void configNamesMatchTheClaimMappingsColumn() {
        assertEquals(Optional.of(ClaimValueType.EPOCH_SECONDS), ClaimValueType.fromConfigName("epoch_seconds"));
        assertTrue(ClaimValueType.fromConfigName("date").isEmpty());
    }
}
