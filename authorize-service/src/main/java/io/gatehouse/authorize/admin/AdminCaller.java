package io.gatehouse.authorize.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who called the admin API: the client the access token was issued to and the token's subject (the client itself
 * for client_credentials, otherwise a user id), and where the request came from.
 */
public record AdminCaller(String clientId, String sub, String sourceIp) {

    /** The audit details of an action by this caller, plus {@code extra}. */
    public Map<String, Object> details(Map<String, Object> extra) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("actor_client_id", clientId);
        d.put("actor_sub", sub);
        d.putAll(extra);
        return d;
    }

    public Map<String, Object> details() {
        return details(Map.of());
    }

    /** The acting user, when a user (not a client on its own behalf) holds the token. */
    public UUID actingUser() {
        try {
            return sub.equals(clientId) ? null : UUID.fromString(sub);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
