package io.gatehouse.model.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who a client may exchange tokens for (RFC 8693 1, 5): the client metadata member {@code token_exchange}, which only
 * operators set. Without it a client exchanges nothing, whatever its grant_types say.
 *
 * @param subjectClients the clients whose access and ID tokens this client may present as subject_token or
 *                       actor_token; {@code *} for any client
 * @param audiences      the audience and resource values it may ask for; the issuer (Gatehouse's own resources) is
 *                       always allowed and is the default
 * @param impersonation  whether it may exchange without an actor_token (the new token is the subject's, RFC 8693 1.1)
 * @param delegation     whether it may exchange with an actor_token (the new token says who acts, in {@code act})
 */
public record TokenExchangePolicy(Set<String> subjectClients, Set<String> audiences, boolean impersonation,
                                  boolean delegation) {

    public static final String MEMBER = "token_exchange";
    public static final String ANY_CLIENT = "*";
    /** A client without a policy. */
    public static final TokenExchangePolicy NOBODY = new TokenExchangePolicy(Set.of(), Set.of(), false, false);

    public TokenExchangePolicy {
        subjectClients = Set.copyOf(subjectClients);
        audiences = Set.copyOf(audiences);
    }

    public boolean allowsSubjectClient(String clientId) {
        return subjectClients.contains(ANY_CLIENT) || subjectClients.contains(clientId);
    }

    /** The policy of a client's stored metadata; {@link #NOBODY} without one. */
    public static TokenExchangePolicy of(Map<String, Object> metadata) {
        Object value = metadata == null ? null : metadata.get(MEMBER);
        if (value == null) {
            return NOBODY;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            return NOBODY;
        }
    }

    /** Parses the JSON object; {@link IllegalArgumentException} names what is wrong. */
    public static TokenExchangePolicy parse(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("must be a JSON object");
        }
        for (Object key : m.keySet()) {
            if (!Set.of("subject_clients", "audiences", "impersonation", "delegation").contains(key)) {
                throw new IllegalArgumentException("has an unknown member " + key);
            }
        }
        return new TokenExchangePolicy(strings(m.get("subject_clients"), "subject_clients"), strings(m.get("audiences"), "audiences"),
                bool(m.get("impersonation"), "impersonation"), bool(m.get("delegation"), "delegation"));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject_clients", subjectClients.stream().sorted().toList());
        json.put("audiences", audiences.stream().sorted().toList());
        json.put("impersonation", impersonation);
        json.put("delegation", delegation);
        return json;
    }

    private static Set<String> strings(Object value, String name) {
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(v -> v instanceof String s && !s.isEmpty())) {
            throw new IllegalArgumentException(name + " must be an array of non-empty strings");
        }
        return Set.copyOf(list.stream().map(String.class::cast).toList());
    }

    private static boolean bool(Object value, String name) {
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean b)) {
            throw new IllegalArgumentException(name + " must be a boolean");
        }
        return b;
    }
}
