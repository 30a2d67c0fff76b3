package io.gatehouse.authorize.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonDocumentLimitsTest {

    final JsonDocumentLimits limits = new JsonDocumentLimits(100, 3);

    @Test
    void declaredLengthOverTheLimitIsRefusedUpFront() {
        assertFalse(limits.exceedsDeclared(null));
        assertFalse(limits.exceedsDeclared("100"));
        assertTrue(limits.exceedsDeclared("101"));
        assertTrue(limits.exceedsDeclared("99999999999999"));
        assertFalse(limits.exceedsDeclared("not-a-number"), "left to the HTTP layer");
    }

    @Test
    void bodyIsMeasuredInUtf8Bytes() {
        assertEquals(Optional.empty(), limits.bodyViolation("a".repeat(100)));
        assertTrue(limits.bodyViolation("a".repeat(101)).isPresent());
        assertTrue(limits.bodyViolation("é".repeat(51)).isPresent(), "51 characters, 102 bytes");
        assertEquals(Optional.empty(), limits.bodyViolation("é".repeat(50)));
        assertEquals(Optional.empty(), limits.bodyViolation(null));
    }

    @Test
    void everyArrayAtAnyDepthIsBoundedAndNamed() {
        assertEquals(Optional.empty(), limits.arrayViolation(Map.of("a", List.of(1, 2, 3))));
        assertEquals(Optional.of("redirect_uris has 4 entries; at most 3 are allowed"),
                limits.arrayViolation(Map.of("redirect_uris", List.of("a", "b", "c", "d"))));
        assertEquals(Optional.of("keys has 4 entries; at most 3 are allowed"),
                limits.arrayViolation(Map.of("jwks", Map.of("keys", Collections.nCopies(4, Map.of())))));
        assertTrue(limits.arrayViolation(Map.of("a", List.of(List.of(1, 2, 3, 4)))).isPresent(), "nested arrays too");
    }
}
