package io.gatehouse.model.authorization;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of an authorization request as sent (query of a GET, form of a POST), one value each.
 * RFC 6749 3.1: a parameter sent without a value is treated as omitted, and none may be sent more than once;
 * those sent more than once are kept in {@code duplicated} (with no value) for the checks to refuse.
 */
public record RequestParameters(Map<String, String> values, Set<String> duplicated) {

    /**
     * The most characters (names and values) an authorization request may carry: twice the request line a GET may
     * have (16 KiB), room for a request object by value. A larger one could not travel back in a redirect.
     */
    public static final int MAX_LENGTH = 32 * 1024;

    public RequestParameters {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        duplicated = Collections.unmodifiableSet(new LinkedHashSet<>(duplicated));
    }

    public static RequestParameters of(Map<String, List<String>> sent) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> duplicated = new LinkedHashSet<>();
        if (sent != null) {
            sent.forEach((name, list) -> {
                List<String> present = list == null ? List.of() : list.stream().filter(v -> v != null && !v.isEmpty()).toList();
                if (present.size() > 1) {
                    duplicated.add(name);
                } else if (present.size() == 1) {
                    values.put(name, present.get(0));
                }
            });
        }
        return new RequestParameters(values, duplicated);
    }

    /** Whether the parameters are longer than {@link #MAX_LENGTH} in all. */
    public boolean oversized() {
        long length = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            length += e.getKey().length() + e.getValue().length();
        }
        for (String name : duplicated) {
            length += name.length();
        }
        return length > MAX_LENGTH;
    }

    public String get(String name) {
        return values.get(name);
    }

    public boolean isDuplicated(String name) {
        return duplicated.contains(name);
    }

    /**
     * The request assembled with the parameters of a request object (OIDC Core 6.3.3): those win over the ones
     * sent in the OAuth 2.0 syntax; {@code request} and {@code request_uri} are dropped.
     */
    public RequestParameters overlay(Map<String, String> fromRequestObject) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.remove("request");
        merged.remove("request_uri");
        Set<String> stillDuplicated = new LinkedHashSet<>(duplicated);
        fromRequestObject.forEach((name, value) -> {
            if (!name.equals("request") && !name.equals("request_uri") && value != null && !value.isEmpty()) {
                merged.put(name, value);
                stillDuplicated.remove(name);
            }
        });
        stillDuplicated.remove("request");
        stillDuplicated.remove("request_uri");
        return new RequestParameters(merged, stillDuplicated);
    }
}
