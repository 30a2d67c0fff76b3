package io.gatehouse.model.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 7519 2 NumericDate: whatever JSON number a token carries, a date or null, never an exception. */
class NumericDateTest {

    @Test
    void integersAndFractionsAreSecondsSinceTheEpoch() {
        assertEquals(Instant.ofEpochSecond(1_800_000_000L), NumericDate.toInstant(1_800_000_000L));
        assertEquals(Instant.ofEpochSecond(1_800_000_000L), NumericDate.toInstant(1_800_000_000));
        assertEquals(Instant.ofEpochSecond(1_800_000_000L), NumericDate.toInstant(1_800_000_000.75));
        assertEquals(Instant.ofEpochSecond(0), NumericDate.toInstant(BigInteger.ZERO));
        assertEquals(Instant.ofEpochSecond(-5), NumericDate.toInstant(new BigDecimal("-5")));
    }

    @Test
    void numbersBeyondTheYear9999AndNonNumbersAreNoDate() {
        for (Object v : new Object[] {1e300, -1e300, Double.NaN, Double.POSITIVE_INFINITY, Long.MAX_VALUE, Long.MIN_VALUE,
                new BigInteger("99999999999999999999999"), new BigDecimal("1e400"), 253_402_300_800L, "1800000000", null, true}) {
            assertNull(NumericDate.toInstant(v), String.valueOf(v));
        }
        Instant last = NumericDate.toInstant(253_402_300_799L);
        assertEquals(last.plusSeconds(3600).getEpochSecond(), last.getEpochSecond() + 3600, "a skew can still be added");
    }
}
