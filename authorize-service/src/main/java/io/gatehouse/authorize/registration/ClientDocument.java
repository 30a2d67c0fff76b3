package io.gatehouse.authorize.registration;

import io.gatehouse.model.client.ClientSecretEncryption;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.registration.ClientMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How client metadata lives in {@code clients}: the members the hot paths read in their own columns, the whole
 * registered document in {@code metadata} (RFC 7591 2), the secret as its SHA-256 (and, for client_secret_jwt only,
 * encrypted in {@code secret_encrypted}, never in the metadata).
 */
public final class ClientDocument {

    private ClientDocument() {
    }

    /** Writes validated metadata onto {@code client}: columns and the full document. */
    public static void apply(ClientMetadata m, ClientEntity client) {
        client.clientName = m.clientName().orElse(null);
        client.redirectUris = new ArrayList<>(m.redirectUris());
        client.postLogoutRedirectUris = new ArrayList<>(m.postLogoutRedirectUris());
        client.grantTypes = new ArrayList<>(m.grantTypes());
        client.responseTypes = new ArrayList<>(m.responseTypes());
        client.scope = m.scope();
        client.tokenEndpointAuthMethod = m.tokenEndpointAuthMethod();
        client.applicationType = m.applicationType();
        client.metadata = new HashMap<>(m.document());
    }

    /**
     * Issues a secret when the authentication method needs one and the client has none, and drops it when the
     * method needs none (RFC 7591 3.2.1). client_secret_jwt needs the secret itself as its HMAC key (RFC 7523 2.2):
     * a client that switches to it from a hashed-only secret gets a new one; one that leaves it loses the encrypted
     * copy. Returns the new secret in clear (shown once), or null.
     */
    public static String settleSecret(ClientMetadata m, ClientEntity client, ClientSecretEncryption encryption) {
        if (!m.needsSecret()) {
            client.secretHash = null;
            client.secretEncrypted = null;
            return null;
        }
        if (m.needsEncryptedSecret()) {
            return client.secretHash == null || client.secretEncrypted == null ? rotateSecret(client, encryption) : null;
        }
        client.secretEncrypted = null;
        return client.secretHash == null ? rotateSecret(client, encryption) : null;
    }

    /**
     * A new random 256-bit secret. Its SHA-256 is kept for every method; for client_secret_jwt, and for clients with a
     * symmetric JWE algorithm (OIDC Core 10.2), also the secret AES-256-GCM encrypted under the key-encryption key ({@link ClientSecretEncryption}), never in clear.
     */
    public static String rotateSecret(ClientEntity client, ClientSecretEncryption encryption) {
        String secret = RandomTokens.random256();
        client.secretHash = Sha256.hash(secret);
        client.secretEncrypted = ClientMetadata.needsEncryptedSecret(client.tokenEndpointAuthMethod, client.metadata)
                ? encryption.encrypt(client.clientId, secret) : null;
        return secret;
    }

    /**
     * The client's information as RFC 7591 3.2.1 returns it, without any secret: client_id, client_id_issued_at,
     * client_secret_expires_at (0: secrets do not expire) when it has a secret, then every registered member.
     * The columns win over the stored document, so clients imported at bootstrap read the same way.
     */
    public static Map<String, Object> of(ClientEntity client) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("client_id", client.clientId);
        doc.put("client_id_issued_at", client.createdAt.getEpochSecond());
        if (client.secretHash != null) {
            doc.put("client_secret_expires_at", 0);
        }
        doc.put("redirect_uris", client.redirectUris);
        doc.put("response_types", client.responseTypes);
        doc.put("grant_types", client.grantTypes);
        doc.put("application_type", client.applicationType);
        doc.put("token_endpoint_auth_method", client.tokenEndpointAuthMethod);
        doc.put("scope", client.scope);
        if (client.clientName != null) {
            doc.put("client_name", client.clientName);
        }
        if (!client.postLogoutRedirectUris.isEmpty()) {
            doc.put("post_logout_redirect_uris", client.postLogoutRedirectUris);
        }
        if (client.metadata != null) {
            client.metadata.forEach(doc::putIfAbsent);
        }
        return doc;
    }

    /** {@link #of} with {@code client_secret} right after the client_id, when one was just issued. */
    public static Map<String, Object> withSecret(ClientEntity client, String secret) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("client_id", client.clientId);
        if (secret != null) {
            doc.put("client_secret", secret);
        }
        doc.putAll(of(client));
        return doc;
    }
}
