package io.gatehouse.model.keys;

import io.gatehouse.model.entity.SigningKeyEntity;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.EncryptionKeyType;
import io.gatehouse.model.jose.KeyAlgorithm;
import io.gatehouse.model.jose.Json;
import io.gatehouse.model.jose.Jwk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Gatehouse's signing and encryption keys in memory, so that signing, verifying, decrypting and serving the JWKS do no database round trip in
 * the steady state. The snapshot is re-read when a key changes ({@link KeyChangeListener} hears the
 * {@code NOTIFY gatehouse_keys} of the change and calls {@link #invalidate()}), every
 * {@code gatehouse.keys.cache-refresh} as a fallback, and when a token names an unknown kid (at most once a second).
 */
@ApplicationScoped
public class KeyCache {

    private static final Logger LOG = Logger.getLogger(KeyCache.class);
    private static final long UNKNOWN_KID_RELOAD_INTERVAL_MS = 1000;

    @Inject
    SigningKeyStore store;
    @Inject
    KeyEncryption encryption;
    @Inject
    KeysConfig config;

    private volatile Snapshot snapshot;
    private volatile long lastReloadMillis;

    /** A published key, with its private key decrypted on first use for signing. */
    public static final class CachedKey {
        final String kid;
        final KeyAlgorithm alg;
        final String state;
        final PublicKey publicKey;
        final Map<String, Object> publicJwk;
        private final byte[] encryptedPrivate;
        private volatile PrivateKey privateKey;

        CachedKey(String kid, KeyAlgorithm alg, String state, PublicKey publicKey, byte[] encryptedPrivate) {
            this.kid = kid;
            this.alg = alg;
            this.state = state;
            this.publicKey = publicKey;
            this.encryptedPrivate = encryptedPrivate;
            // Rebuilt from the public key, so no member of the stored JSON (private or otherwise) can leak out.
            this.publicJwk = Map.copyOf(alg.publicJwk(publicKey, kid));
        }

        public String kid() {
            return kid;
        }

        /** The signing algorithm, or the encryption key type. */
        public KeyAlgorithm alg() {
            return alg;
        }

        public String state() {
            return state;
        }

        public PublicKey publicKey() {
            return publicKey;
        }

        /** The public JWK: kty, kid, use, alg (signing keys) and the public parameters only. */
        public Map<String, Object> publicJwk() {
            return publicJwk;
        }
    }

    record Snapshot(Map<String, CachedKey> byKid, Map<KeyAlgorithm, CachedKey> active, List<CachedKey> published,
                    byte[] jwks, Instant loadedAt) {
    }

    /** The active key for {@code alg}, creating one when none exists yet. */
    public CachedKey active(KeyAlgorithm alg) {
        CachedKey key = current().active().get(alg);
        if (key == null) {
            Set<KeyAlgorithm> wanted = new LinkedHashSet<>(KeyRotation.wanted(config));
            wanted.add(alg);
            store.ensureActive(wanted);
            key = reload().active().get(alg);
            if (key == null) {
                throw new IllegalStateException("no active " + alg + " key after creating one");
            }
        }
        return key;
    }

    /** A published key by kid; an unknown kid triggers one rate-limited reload. */
    public Optional<CachedKey> byKid(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        CachedKey key = current().byKid().get(kid);
        if (key == null && System.currentTimeMillis() - lastReloadMillis > UNKNOWN_KID_RELOAD_INTERVAL_MS) {
            key = reload().byKid().get(kid);
        }
        return Optional.ofNullable(key);
    }

    /** Drops the snapshot: the next use re-reads the key table (after a rotation, or on a NOTIFY). */
    public void invalidate() {
        snapshot = null;
    }

    /** Re-reads the key table now (the change listener does so in the background). */
    public void refresh() {
        reload();
    }

    /** The published keys (next, active, retired but still needed), in the order of the JWKS. */
    public List<CachedKey> published() {
        return current().published();
    }

    /** The JWK Set document (RFC 7517 5) of the published keys, serialised once per snapshot. */
    public byte[] jwks() {
        return current().jwks();
    }

    /** When the snapshot in use was read; null when none is. */
    public Instant loadedAt() {
        Snapshot s = snapshot;
        return s == null ? null : s.loadedAt();
    }

    /**
     * Decrypts every published private key once and discards it: throws when the key-encryption key is not the one
     * the keys were stored under (checked at start by the service that owns the keys).
     */
    public void checkDecryptable() {
        for (CachedKey key : published()) {
            encryption.decrypt(key.encryptedPrivate, key.kid);
        }
    }

    /**
     * The published encryption keys of {@code type} that may decrypt a JWE naming {@code kid} (every one of the type
     * when it names none): active, next (clients may already encrypt to it) and retired ones.
     */
    public List<CachedKey> decryptionKeys(EncryptionKeyType type, String kid) {
        List<CachedKey> out = new ArrayList<>();
        for (CachedKey key : current().published()) {
            if (key.alg == type && (kid == null || kid.equals(key.kid))) {
                out.add(key);
            }
        }
        if (out.isEmpty() && kid != null) {
            byKid(kid).filter(k -> k.alg == type).ifPresent(out::add); // a key created since the snapshot
        }
        return out;
    }

    /** The decrypted private key of {@code key}, for signing or decrypting. */
    public PrivateKey signingKey(CachedKey key) {
        PrivateKey pk = key.privateKey;
        if (pk == null) {
            try {
                byte[] pkcs8 = encryption.decrypt(key.encryptedPrivate, key.kid);
                String algorithm = switch (key.alg.keyType()) {
                    case "RSA" -> "RSA";
                    case "EC" -> "EC";
                    default -> "Ed25519";
                };
                pk = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                key.privateKey = pk;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot load private key " + key.kid, e);
            }
        }
        return pk;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(config.cacheRefresh()).isBefore(Instant.now())) {
            s = reload();
        }
        return s;
    }

    private synchronized Snapshot reload() {
        Map<String, CachedKey> byKid = new HashMap<>();
        List<CachedKey> published = new ArrayList<>();
        Map<KeyAlgorithm, CachedKey> active = new HashMap<>();
        Snapshot previous = snapshot;
        for (SigningKeyEntity e : store.published()) {
            Optional<KeyAlgorithm> alg = KeyAlgorithm.fromName(e.alg);
            if (alg.isEmpty()) {
                continue;
            }
            CachedKey old = previous == null ? null : previous.byKid().get(e.kid);
            CachedKey key;
            if (old != null && old.state.equals(e.state)) {
                key = old;
            } else {
                try {
                    key = new CachedKey(e.kid, alg.get(), e.state, Jwk.publicKey(e.publicJwk), e.privateKeyEnc);
                } catch (InvalidJwsException ex) {
                    LOG.errorf("signing key %s has an unreadable public JWK: %s", e.kid, ex.getMessage());
                    continue;
                }
            }
            byKid.put(e.kid, key);
            published.add(key);
            if ("active".equals(e.state)) {
                active.put(key.alg, key);
            }
        }
        byte[] jwks = Json.write(Map.of("keys", published.stream().map(CachedKey::publicJwk).toList()));
        Snapshot s = new Snapshot(Map.copyOf(byKid), active, List.copyOf(published), jwks, Instant.now());
        snapshot = s;
        lastReloadMillis = System.currentTimeMillis();
        return s;
    }
}
