package io.gatehouse.model.client;

import io.gatehouse.model.entity.ClientEntity;

/**
 * A client whose credentials were checked by the method it registered (or a public client identified by its
 * client_id, {@code method} none).
 */
public record AuthenticatedClient(ClientEntity client, String method) {

    public static final String NONE = "none";

    public String clientId() {
        return client.clientId;
    }

    /** A public client (RFC 6749 2.1): it holds no credentials. */
    public boolean isPublic() {
        return NONE.equals(method);
    }

    /** Whether the client registered {@code grantType} (RFC 7591 2 grant_types). */
    public boolean allowsGrantType(String grantType) {
        return client.grantTypes != null && client.grantTypes.contains(grantType);
    }
}
