package io.gatehouse.model.jose;

import com.nimbusds.jose.JWEAlgorithm;
import java.util.List;
import java.util.Optional;

/**
 * The JWE key-management algorithms Gatehouse encrypts to clients with and decrypts request objects with (RFC 7518
 * 4.1). RSA1_5 (RFC 9700 and RFC 8725 3.2 advise against it) and PBES2 are absent on purpose. The symmetric ones use
 * a key derived from the client's secret (OIDC Core 10.2), so only for clients whose secret Gatehouse can read.
 */
public enum JweAlgorithm {
    RSA_OAEP("RSA-OAEP", "RSA", 0),
    RSA_OAEP_256("RSA-OAEP-256", "RSA", 0),
    ECDH_ES("ECDH-ES", "EC", 0),
    ECDH_ES_A128KW("ECDH-ES+A128KW", "EC", 0),
    ECDH_ES_A256KW("ECDH-ES+A256KW", "EC", 0),
    /** AES key wrap with a 128-bit key from the client secret. */
    A128KW("A128KW", "oct", 128),
    A256KW("A256KW", "oct", 256),
    /** The client-secret-derived key is the content encryption key (its length is the enc's). */
    DIR("dir", "oct", -1);

    private final String value;
    private final String keyType;
    private final int wrapKeyBits;

    JweAlgorithm(String value, String keyType, int wrapKeyBits) {
        this.value = value;
        this.keyType = keyType;
        this.wrapKeyBits = wrapKeyBits;
    }

    /** The {@code alg} header value. */
    public String value() {
        return value;
    }

    /** JWK {@code kty} of the key this algorithm needs: RSA, EC or oct (the client secret). */
    public String keyType() {
        return keyType;
    }

    public boolean symmetric() {
        return "oct".equals(keyType);
    }

    /** Bits of the symmetric key derived from the client secret (OIDC Core 10.2) for content encryption {@code enc}. */
    public int symmetricKeyBits(JweEncryption enc) {
        return this == DIR ? enc.keyBits() : wrapKeyBits;
    }

    JWEAlgorithm nimbus() {
        return JWEAlgorithm.parse(value);
    }

    public static Optional<JweAlgorithm> fromValue(String value) {
        for (JweAlgorithm alg : values()) {
            if (alg.value.equals(value)) {
                return Optional.of(alg);
            }
        }
        return Optional.empty();
    }

    /** Every value, in declaration order (discovery's *_encryption_alg_values_supported). */
    public static List<String> valueList() {
        return java.util.Arrays.stream(values()).map(JweAlgorithm::value).toList();
    }
}
