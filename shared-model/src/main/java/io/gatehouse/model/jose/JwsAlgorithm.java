package io.gatehouse.model.jose;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;

/**
 * The JWS algorithms Gatehouse signs and verifies with (RFC 7518 3.1, RFC 8037 3.1). {@code none} and the
 * HMAC algorithms are absent on purpose: a token naming them never verifies against Gatehouse's keys.
 */
public enum JwsAlgorithm implements KeyAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256: the OIDC default (OIDC Core 15.1). */
    RS256("RSA", "SHA-256"),
    /** RSASSA-PSS with SHA-256 and MGF1 with SHA-256 (RFC 7518 3.5). */
    PS256("RSA", "SHA-256"),
    /** ECDSA P-256 with SHA-256; signature is R || S (RFC 7518 3.4). */
    ES256("EC", "SHA-256"),
    /** EdDSA with Ed25519 (RFC 8037). */
    EdDSA("OKP", "SHA-512");

    private final String keyType;
    private final String hashAlgorithm;

    JwsAlgorithm(String keyType, String hashAlgorithm) {
        this.keyType = keyType;
        this.hashAlgorithm = hashAlgorithm;
    }

    /** JWK {@code kty} of keys for this algorithm. */
    @Override
    public String keyType() {
        return keyType;
    }

    @Override
    public String use() {
        return "sig";
    }

    @Override
    public java.util.Map<String, Object> publicJwk(java.security.PublicKey key, String kid) {
        return Jwk.publicJwk(key, kid, this);
    }

    /** Hash whose left half makes at_hash and c_hash (OIDC Core 3.1.3.6, 3.3.2.11). */
    public String hashAlgorithm() {
        return hashAlgorithm;
    }

    /** The algorithm named by a JWS {@code alg} header; empty for anything unsupported, including none. */
    public static Optional<JwsAlgorithm> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (JwsAlgorithm alg : values()) {
            if (alg.name().equals(name)) {
                return Optional.of(alg);
            }
        }
        return Optional.empty();
    }

    /** A fresh JCA signature engine for this algorithm. */
    public Signature newSignature() throws GeneralSecurityException {
        return switch (this) {
            case RS256 -> Signature.getInstance("SHA256withRSA");
            case PS256 -> {
                Signature s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                yield s;
            }
            case ES256 -> Signature.getInstance("SHA256withECDSAinP1363Format");
            case EdDSA -> Signature.getInstance("Ed25519");
        };
    }

    /** A new key pair for this algorithm: RSA 2048, P-256 or Ed25519. */
    @Override
    public KeyPair generateKeyPair() {
        try {
            return switch (this) {
                case RS256, PS256 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048);
                    yield g.generateKeyPair();
                }
                case ES256 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"));
                    yield g.generateKeyPair();
                }
                case EdDSA -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            };
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("the JRE cannot generate " + this + " keys", e);
        }
    }
}
