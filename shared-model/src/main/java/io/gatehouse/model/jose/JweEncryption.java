package io.gatehouse.model.jose;

import com.nimbusds.jose.EncryptionMethod;
import java.util.List;
import java.util.Optional;

/** The JWE content encryption algorithms (RFC 7518 5.1) Gatehouse encrypts and decrypts with. */
public enum JweEncryption {
    /** The default when a client registers an alg without an enc (OIDC Registration 2). */
    A128CBC_HS256("A128CBC-HS256", 256),
    A256CBC_HS512("A256CBC-HS512", 512),
    A128GCM("A128GCM", 128),
    A256GCM("A256GCM", 256);

    public static final JweEncryption DEFAULT = A128CBC_HS256;

    private final String value;
    private final int keyBits;

    JweEncryption(String value, int keyBits) {
        this.value = value;
        this.keyBits = keyBits;
    }

    /** The {@code enc} header value. */
    public String value() {
        return value;
    }

    /** Bits of the content encryption key (RFC 7518 5.2.3, 5.3). */
    public int keyBits() {
        return keyBits;
    }

    EncryptionMethod nimbus() {
        return EncryptionMethod.parse(value);
    }

    public static Optional<JweEncryption> fromValue(String value) {
        for (JweEncryption enc : values()) {
            if (enc.value.equals(value)) {
                return Optional.of(enc);
            }
        }
        return Optional.empty();
    }

    /** Every value, in declaration order (discovery's *_encryption_enc_values_supported). */
    public static List<String> valueList() {
        return java.util.Arrays.stream(values()).map(JweEncryption::value).toList();
    }
}
