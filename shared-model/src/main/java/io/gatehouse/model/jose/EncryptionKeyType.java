package io.gatehouse.model.jose;

import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.Optional;

/**
 * Gatehouse's own encryption keys, which clients encrypt request objects to (OIDC Core 6.1, 10.2; RFC 9101 6.1).
 * They are published in the JWKS with {@code use: enc} and without {@code alg}, so one key serves every algorithm
 * of its type: the RSA key RSA-OAEP and RSA-OAEP-256, the P-256 key ECDH-ES with or without key wrapping.
 */
public enum EncryptionKeyType implements KeyAlgorithm {
    /** RSA 2048 for RSA-OAEP and RSA-OAEP-256 (RFC 7518 4.3). */
    ENC_RSA("RSA"),
    /** EC P-256 for ECDH-ES, ECDH-ES+A128KW, ECDH-ES+A256KW (RFC 7518 4.6). */
    ENC_EC("EC");

    private final String keyType;

    EncryptionKeyType(String keyType) {
        this.keyType = keyType;
    }

    @Override
    public String keyType() {
        return keyType;
    }

    @Override
    public String use() {
        return "enc";
    }

    /** Whether this key decrypts what {@code alg} encrypted. */
    public boolean serves(JweAlgorithm alg) {
        return keyType.equals(alg.keyType());
    }

    /** The key type that decrypts {@code alg}; empty for the symmetric algorithms (their key is the client's secret). */
    public static Optional<EncryptionKeyType> forAlgorithm(JweAlgorithm alg) {
        for (EncryptionKeyType type : values()) {
            if (type.serves(alg)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static Optional<EncryptionKeyType> fromName(String name) {
        for (EncryptionKeyType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public KeyPair generateKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(keyType);
            if (this == ENC_RSA) {
                g.initialize(2048);
            } else {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            }
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("the JRE cannot generate " + this + " keys", e);
        }
    }

    @Override
    public Map<String, Object> publicJwk(PublicKey key, String kid) {
        return Jwk.publicJwk(key, kid, keyType, "enc", null);
    }
}
