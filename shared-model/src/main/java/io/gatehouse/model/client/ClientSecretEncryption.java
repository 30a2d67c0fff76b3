package io.gatehouse.model.client;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.keys.KeyEncryption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * The clear secret of a client_secret_jwt client, which is its HMAC key (RFC 7523 2.2, OIDC Core 9) and so cannot be
 * kept only as a hash: stored in {@code clients.secret_encrypted}, AES-256-GCM under the key-encryption key that also
 * protects the signing keys, with the client_id in the additional data so a ciphertext cannot move to another client.
 * Every other method keeps the secret as its SHA-256 only.
 */
@ApplicationScoped
public class ClientSecretEncryption {

    private static final Logger LOG = Logger.getLogger(ClientSecretEncryption.class);

    @Inject
    KeyEncryption encryption;

    public byte[] encrypt(String clientId, String secret) {
        return encryption.encrypt(secret.getBytes(StandardCharsets.UTF_8), additionalData(clientId));
    }

    /** The clear secret's bytes (the caller wipes them after use); null when none is stored or it cannot be read. */
    public byte[] decrypt(ClientEntity client) {
        if (client.secretEncrypted == null) {
            return null;
        }
        try {
            return encryption.decrypt(client.secretEncrypted, additionalData(client.clientId));
        } catch (IllegalStateException e) {
            LOG.errorf("the encrypted secret of client %s cannot be decrypted (wrong key-encryption key?)", client.clientId);
            return null;
        }
    }

    /** Whether the stored ciphertext holds {@code secret} (lets an import leave an unchanged row alone). */
    public boolean holds(ClientEntity client, String secret) {
        byte[] stored = decrypt(client);
        if (stored == null) {
            return false;
        }
        boolean same = MessageDigest.isEqual(stored, secret.getBytes(StandardCharsets.UTF_8));
        Arrays.fill(stored, (byte) 0);
        return same;
    }

    private static String additionalData(String clientId) {
        return "client_secret:" + clientId;
    }
}
