package io.gatehouse.model.claims;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One member of a claims request (OIDC Core 5.5.1): {@code null} (default: voluntary, any value) or an object
 * with {@code essential}, {@code value} and {@code values}. {@code value} and {@code values} are null when absent.
 */
public record IndividualClaimRequest(boolean essential, Object value, List<Object> values) {

    /** A claim requested with no further constraint ({@code "name": null}). */
    public static final IndividualClaimRequest DEFAULT = new IndividualClaimRequest(false, null, null);

    public IndividualClaimRequest {
        values = values == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * Whether the user's {@code actual} value may be released for this request. A request with {@code value} or
     * {@code values} asks for the claim with that particular value (OIDC Core 5.5.1), so another value is not
     * released; a request without either accepts any value.
     */
    public boolean accepts(Object actual) {
        if (value != null) {
            return sameJsonValue(value, actual);
        }
        if (values != null) {
            return values.stream().anyMatch(v -> sameJsonValue(v, actual));
        }
        return true;
    }

    /** JSON form: null for the default request, else an object with the members that are set. */
    public Object toJson() {
        if (!essential && value == null && values == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (essential) {
            m.put("essential", true);
        }
        if (value != null) {
            m.put("value", value);
        }
        if (values != null) {
            m.put("values", values);
        }
        return m;
    }

    /** JSON equality: numbers compare by value ({@code 1} equals {@code 1.0}), everything else by equals. */
    static boolean sameJsonValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            try {
                return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
            } catch (NumberFormatException e) {
                return x.equals(y);
            }
        }
        return Objects.equals(a, b);
    }
}
