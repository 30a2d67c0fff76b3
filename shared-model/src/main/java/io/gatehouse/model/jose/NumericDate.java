package io.gatehouse.model.jose;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * A JWT NumericDate (RFC 7519 2): seconds since the epoch, possibly non-integer. Claims come from tokens others
 * signed (client assertions, request objects), so any JSON number may arrive: one outside the years 0000 to 9999
 * (1e300, -1e300, 10^30), where adding a clock skew could overflow {@link Instant}, is no date at all, never an
 * exception. Pure.
 */
public final class NumericDate {

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range of RFC 3339 dates. */
    private static final BigDecimal MIN = BigDecimal.valueOf(-62_167_219_200L);
    private static final BigDecimal MAX = BigDecimal.valueOf(253_402_300_799L);

    private NumericDate() {
    }

    /** The instant a claim value names (whole seconds, fractions dropped), or null when it is not a usable NumericDate. */
    public static Instant toInstant(Object value) {
        BigDecimal seconds;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            seconds = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            seconds = new BigDecimal(big);
        } else if (value instanceof BigDecimal dec) {
            seconds = dec;
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return null;
            }
            seconds = BigDecimal.valueOf(d);
        } else {
            return null;
        }
        if (seconds.compareTo(MIN) < 0 || seconds.compareTo(MAX) > 0) {
            return null;
        }
        return Instant.ofEpochSecond(seconds.longValue());
    }
}
