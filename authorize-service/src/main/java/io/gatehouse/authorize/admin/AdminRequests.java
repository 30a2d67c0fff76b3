package io.gatehouse.authorize.admin;

import io.gatehouse.authorize.api.JsonBodies;
import java.util.Map;

/** Request bodies of the admin API: JSON objects, duplicate members refused. */
public final class AdminRequests {

    private AdminRequests() {
    }

    /** The request's JSON object, read within the API's bounds ({@link JsonBodies}). */
    public static Map<String, Object> object(JsonBodies bodies, String body) {
        Map<String, Object> parsed = bodies.object(body, "the request body must be a JSON object", AdminErrors::invalidRequest);
        if (containsNul(parsed)) {
            throw AdminErrors.invalidRequest("the request body must not contain NUL characters");
        }
        return parsed;
    }

    /** PostgreSQL text and jsonb cannot hold U+0000: refused up front rather than failing at the database. */
    private static boolean containsNul(Object value) {
        if (value instanceof String s) {
            return s.indexOf('\0') >= 0;
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(e -> containsNul(e.getKey()) || containsNul(e.getValue()));
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().anyMatch(AdminRequests::containsNul);
        }
        return false;
    }

    public static Boolean optionalBoolean(Map<String, Object> body, String member) {
        Object v = body.get(member);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Boolean b)) {
            throw AdminErrors.invalidRequest(member + " must be true or false");
        }
        return b;
    }

    public static String optionalString(Map<String, Object> body, String member) {
        Object v = body.get(member);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw AdminErrors.invalidRequest(member + " must be a string");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> optionalObject(Map<String, Object> body, String member) {
        Object v = body.get(member);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?>)) {
            throw AdminErrors.invalidRequest(member + " must be a JSON object");
        }
        return (Map<String, Object>) v;
    }
}
