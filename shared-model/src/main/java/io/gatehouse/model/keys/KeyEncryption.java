package io.gatehouse.model.keys;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.crypto.Sha256;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * AES-256-GCM encryption of private signing keys under the key-encryption key. Stored form:
 * 12-byte nonce || ciphertext || 16-byte tag, with the key id as additional authenticated data so that a
 * ciphertext cannot be moved to another row. Created at start ({@link Startup}), so that a service without a
 * key-encryption key outside development mode fails to start instead of failing its first signature.
 */
@Startup
@ApplicationScoped
public class KeyEncryption {

    private final java.util.concurrent.ConcurrentHashMap<String, DerivedMac> macs = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Logger LOG = Logger.getLogger(KeyEncryption.class);
    private static final int NONCE_BYTES = 12;

    private final SecretKey kek;

    @Inject
    public KeyEncryption(KeysConfig keys, GatehouseConfig config) {
        this(resolve(keys.encryptionKey(), config.devMode(), LaunchMode.current()));
    }

    private KeyEncryption(SecretKey kek) {
        this.kek = kek;
    }

    /** Encryption under an explicit key-encryption key (base64 of 32 bytes), for tools outside a service. */
    public static KeyEncryption withKey(String base64Key) {
        return new KeyEncryption(resolve(Optional.of(base64Key), false, LaunchMode.NORMAL));
    }

    /**
     * The key-encryption key: the configured one (32 bytes, base64); else, in development mode or under test, a fixed
     * development key; else a start-up error that says what to set.
     */
    static SecretKey resolve(Optional<String> configured, boolean devMode, LaunchMode launchMode) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(configured.get().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("gatehouse.keys.encryption-key is not valid base64");
            }
            if (raw.length != 32) {
                throw new IllegalStateException("gatehouse.keys.encryption-key must be 32 bytes (base64 of 32 random bytes), got " + raw.length);
            }
            return new SecretKeySpec(raw, "AES");
        }
        if (devMode || launchMode != LaunchMode.NORMAL) {
            LOG.warn("No gatehouse.keys.encryption-key set: using the fixed development key-encryption key. "
                    + "Never run like this in production.");
            return new SecretKeySpec(Sha256.digest("gatehouse development key-encryption key"), "AES");
        }
        throw new IllegalStateException("gatehouse.keys.encryption-key (GATEHOUSE_KEYS_ENCRYPTION_KEY) is required outside "
                + "development mode: 32 random bytes, base64, e.g. `openssl rand -base64 32`");
    }

    /** Nothing: calling it creates the bean, and so runs the key-encryption key check, at a chosen moment. */
    public void ready() {
        // the constructor did the work
    }

    public byte[] encrypt(byte[] plaintext, String kid) {
        try {
            byte[] nonce = RandomTokens.raw(NONCE_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * A secret derived from the key-encryption key for one purpose (HMAC-SHA256 of {@code label} under it): a
     * per-deployment secret without a second one to manage, e.g. the default pairwise subject salt.
     */
    public byte[] derive(String label) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(kek.getEncoded(), "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The HMAC under the key {@link #derive derived} for {@code label}, made once per label. */
    public DerivedMac mac(String label) {
        return macs.computeIfAbsent(label, l -> new DerivedMac(derive(l)));
    }

    /** Decrypts; fails when the key-encryption key is wrong or the row was tampered with. */
    public byte[] decrypt(byte[] stored, String kid) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt signing key " + kid
                    + ": wrong key-encryption key or tampered row", e);
        }
    }
}
