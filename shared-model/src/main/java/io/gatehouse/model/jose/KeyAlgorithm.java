package io.gatehouse.model.jose;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;

/**
 * What a row of the key table is for: a {@link JwsAlgorithm} (a signing key, one active per algorithm) or an
 * {@link EncryptionKeyType} (a key clients encrypt to, one active per key type). Both are generated, published,
 * rotated and retired the same way.
 */
public interface KeyAlgorithm {

    /** The name stored in the key table's {@code alg} column. */
    String name();

    /** JWK {@code kty}. */
    String keyType();

    /** JWK {@code use} (RFC 7517 4.2): {@code sig} or {@code enc}. */
    String use();

    /** A new key pair. */
    KeyPair generateKeyPair();

    /** The public JWK published in the JWKS. */
    Map<String, Object> publicJwk(PublicKey key, String kid);

    /** The kind of key a key-table row holds; empty for a name this build does not know. */
    static Optional<KeyAlgorithm> fromName(String name) {
        Optional<KeyAlgorithm> signing = JwsAlgorithm.fromName(name).map(a -> a);
        return signing.isPresent() ? signing : EncryptionKeyType.fromName(name).map(a -> a);
    }
}
