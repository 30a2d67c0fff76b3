package io.gatehouse.model.claims;

import io.gatehouse.model.jose.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a user-store attribute value becomes a claim value (the {@code value_type} of a claim mapping).
 * Conversion never fails loudly: a value that cannot be converted yields empty and the claim is omitted,
 * as is an empty string (OIDC Core 5.1: absent claims are left out, not sent empty or null).
 * Multi-valued attributes (LDAP style, JSON arrays) contribute their first value, except for {@link #JSON}.
 */
public enum ClaimValueType {
    /** A JSON string; numbers and booleans are written as text. */
    STRING,
    /** A JSON boolean from a boolean, or the text true/false (any case, LDAP writes TRUE) or 1/0. */
    BOOLEAN,
    /** A JSON number from a number or numeric text. */
    NUMBER,
    /**
     * A JSON number of seconds since the epoch (OIDC Core 2, "NumericDate"), from a number of seconds, numeric
     * text, ISO-8601 date-time ({@code 2026-11-22T10:15:30Z}), LDAP GeneralizedTime ({@code 20261122101530Z})
     * or a date ({@code 2026-11-22}, midnight UTC).
     */
    EPOCH_SECONDS,
    /** The value as stored (object, array, ...); text that holds a JSON object or array is parsed. */
    JSON;

    private static final DateTimeFormatter GENERALIZED_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyyMMddHHmmss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HHMM", "Z")
            .toFormatter(Locale.ROOT);

    /** The name used in configuration and in the {@code claim_mappings.value_type} column. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ClaimValueType> fromConfigName(String name) {
        for (ClaimValueType t : values()) {
            if (t.configName().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The claim value for an attribute value; empty when absent, empty or not convertible. */
    public Optional<Object> convert(Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (this == JSON) {
            return json(raw);
        }
        Object single = raw instanceof Collection<?> c ? (c.isEmpty() ? null : c.iterator().next()) : raw;
        if (single == null || single instanceof Map<?, ?> || single instanceof Collection<?>) {
            return Optional.empty();
        }
        if (single instanceof String s && s.isBlank()) {
            return Optional.empty();
        }
        return switch (this) {
            case STRING -> Optional.of(single.toString());
            case BOOLEAN -> bool(single);
            case NUMBER -> number(single);
            case EPOCH_SECONDS -> epochSeconds(single);
            case JSON -> throw new IllegalStateException("unreachable");
        };
    }

    private static Optional<Object> json(Object raw) {
        if (raw instanceof String s) {
            String t = s.trim();
            if (t.isEmpty()) {
                return Optional.empty();
            }
            if (t.startsWith("{")) {
                Map<String, Object> parsed = Json.readObject(t);
                return Optional.ofNullable(parsed);
            }
            if (t.startsWith("[")) {
                Map<String, Object> wrapped = Json.readObject("{\"v\":" + t + "}");
                return wrapped == null ? Optional.empty() : Optional.ofNullable(wrapped.get("v"));
            }
            return Optional.of(s);
        }
        if (raw instanceof Map<?, ?> m && m.isEmpty() || raw instanceof Collection<?> c && c.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(raw);
    }

    private static Optional<Object> bool(Object v) {
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1" -> Optional.of(Boolean.TRUE);
            case "false", "0" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    private static Optional<Object> number(Object v) {
        if (v instanceof Number n) {
            return Optional.of(n);
        }
        if (v instanceof Boolean) {
            return Optional.empty();
        }
        String s = v.toString().trim();
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            try {
                BigDecimal d = new BigDecimal(s);
                return Optional.of(d);
            } catch (NumberFormatException e2) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Object> epochSeconds(Object v) {
        if (v instanceof Number n) {
            return Optional.of(n.longValue());
        }
        if (v instanceof Instant i) {
            return Optional.of(i.getEpochSecond());
        }
        if (v instanceof Boolean) {
            return Optional.empty();
        }
        String s = v.toString().trim();
        if (s.matches("-?\\d{1,12}")) {
            return Optional.of(Long.parseLong(s));
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toEpochSecond());
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return Optional.of(OffsetDateTime.parse(s, GENERALIZED_TIME).toEpochSecond());
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }
}
