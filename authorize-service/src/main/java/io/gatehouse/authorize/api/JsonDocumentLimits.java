package io.gatehouse.authorize.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The size rules for a JSON request body of the registration and admin APIs, as pure functions: the body's length in
 * bytes, then, once parsed, the length of every array at any depth. Each answers the first violation it finds, as a
 * sentence for {@code error_description}.
 */
public record JsonDocumentLimits(int maxBodyBytes, int maxArrayItems) {

    public static JsonDocumentLimits of(JsonApiConfig config) {
        return new JsonDocumentLimits(config.maxBodyBytes(), config.maxArrayItems());
    }

    /** Whether a declared Content-Length already exceeds the limit; an unparseable one is left to the HTTP layer. */
    public boolean exceedsDeclared(String contentLength) {
        return exceedsDeclared(maxBodyBytes, contentLength);
    }

    static boolean exceedsDeclared(long limit, String contentLength) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The body received (a chunked one has no Content-Length to check up front). */
    public Optional<String> bodyViolation(String body) {
        if (body == null || body.length() * 3L <= maxBodyBytes) {
            return Optional.empty();
        }
        return body.length() > maxBodyBytes || body.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes
                ? Optional.of(tooLarge()) : Optional.empty();
    }

    public String tooLarge() {
        return "the request body exceeds " + maxBodyBytes + " bytes";
    }

    /** The first array, at any depth, with more than {@link #maxArrayItems} entries, named by its member. */
    public Optional<String> arrayViolation(Map<String, Object> document) {
        return arrayViolation("the request body", document);
    }

    private Optional<String> arrayViolation(String name, Object value) {
        if (value instanceof List<?> list) {
            if (list.size() > maxArrayItems) {
                return Optional.of(name + " has " + list.size() + " entries; at most " + maxArrayItems + " are allowed");
            }
            for (Object item : list) {
                Optional<String> inner = arrayViolation(name, item);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Optional<String> inner = arrayViolation(String.valueOf(e.getKey()), e.getValue());
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }
}
