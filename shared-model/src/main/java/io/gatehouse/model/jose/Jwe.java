package io.gatehouse.model.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.AESDecrypter;
import com.nimbusds.jose.crypto.AESEncrypter;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Compact JWE (RFC 7516 7.1) with the algorithms of {@link JweAlgorithm} and {@link JweEncryption}. The primitives
 * (RSA-OAEP, ECDH-ES and its Concat KDF, AES key wrap, AES-GCM, AES-CBC-HMAC) are Nimbus JOSE+JWT's; this class
 * only chooses them, so nothing else in Gatehouse names the library. Pure.
 */
public final class Jwe {

    /** Longest compact JWE accepted for decryption: as large as the largest JWS (a request object). */
    public static final int MAX_LENGTH = Jws.MAX_LENGTH;
    /** {@code cty} of a nested JWT (RFC 7519 5.2): what was encrypted is a signed JWT. */
    public static final String NESTED_JWT = "JWT";

    private Jwe() {
    }

    /** The header of a compact JWE, before decryption. */
    public record Header(JweAlgorithm alg, JweEncryption enc, String kid, String cty) {
    }

    /** Whether {@code compact} has the five parts of a compact JWE (RFC 7516 7.1), not the three of a JWS. */
    public static boolean looksEncrypted(String compact) {
        return compact != null && compact.chars().filter(c -> c == '.').count() == 4;
    }

    /**
     * {@code payload} encrypted to {@code key}: the client's public RSA or EC key, or for the symmetric algorithms a
     * key from {@link #symmetricKey}. {@code cty} is {@link #NESTED_JWT} when the payload is a signed JWT, else null.
     */
    public static String encrypt(String payload, String cty, JweAlgorithm alg, JweEncryption enc, Key key, String kid) {
        JWEHeader.Builder header = new JWEHeader.Builder(alg.nimbus(), enc.nimbus()).keyID(kid);
        if (cty != null) {
            header.contentType(cty);
        } else {
            header.type(JOSEObjectType.JWT);
        }
        JWEObject jwe = new JWEObject(header.build(), new Payload(payload));
        try {
            jwe.encrypt(encrypter(alg, key));
        } catch (JOSEException | ClassCastException e) {
            throw new IllegalArgumentException("cannot encrypt with " + alg.value() + "/" + enc.value() + ": " + e.getMessage(), e);
        }
        return jwe.serialize();
    }

    /** The header of {@code compact}; refused when its alg or enc is not supported, or it is compressed. */
    public static Header header(String compact) throws InvalidJweException {
        JWEObject jwe = parse(compact);
        return header(jwe);
    }

    /** The plaintext of {@code compact}, decrypted with {@code key} (Gatehouse's private key, or the symmetric key). */
    public static String decrypt(String compact, Key key) throws InvalidJweException {
        JWEObject jwe = parse(compact);
        Header header = header(jwe);
        try {
            jwe.decrypt(decrypter(header.alg(), key));
        } catch (JOSEException | ClassCastException e) {
            throw new InvalidJweException("the JWE does not decrypt");
        }
        return jwe.getPayload().toString();
    }

    /**
     * The symmetric key of OIDC Core 10.2 for {@code alg} and {@code enc}: the left-most bits of the SHA-256 (up to
     * 256 bits), SHA-384 or SHA-512 hash of the client secret's UTF-8 octets.
     */
    public static SecretKey symmetricKey(byte[] clientSecret, JweAlgorithm alg, JweEncryption enc) {
        if (!alg.symmetric()) {
            throw new IllegalArgumentException(alg.value() + " is not symmetric");
        }
        int bits = alg.symmetricKeyBits(enc);
        String hash = bits <= 256 ? "SHA-256" : bits <= 384 ? "SHA-384" : "SHA-512";
        try {
            byte[] digest = MessageDigest.getInstance(hash).digest(clientSecret);
            byte[] key = Arrays.copyOf(digest, bits / 8);
            Arrays.fill(digest, (byte) 0);
            return new SecretKeySpec(key, "AES");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(hash + " is missing from the JRE", e);
        }
    }

    /** The symmetric key of OIDC Core 10.2 derived from a client secret given as text. */
    public static SecretKey symmetricKey(String clientSecret, JweAlgorithm alg, JweEncryption enc) {
        return symmetricKey(clientSecret.getBytes(StandardCharsets.UTF_8), alg, enc);
    }

    private static JWEObject parse(String compact) throws InvalidJweException {
        if (compact == null || compact.length() > MAX_LENGTH) {
            throw new InvalidJweException("the JWE is too large");
        }
        if (!looksEncrypted(compact)) {
            throw new InvalidJweException("not a compact JWE");
        }
        try {
            return JWEObject.parse(compact);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidJweException("not a valid compact JWE");
        }
    }

    private static Header header(JWEObject jwe) throws InvalidJweException {
        JWEHeader h = jwe.getHeader();
        JweAlgorithm alg = JweAlgorithm.fromValue(h.getAlgorithm().getName())
                .orElseThrow(() -> new InvalidJweException("unsupported JWE alg " + h.getAlgorithm().getName()));
        JweEncryption enc = Optional.ofNullable(h.getEncryptionMethod()).flatMap(e -> JweEncryption.fromValue(e.getName()))
                .orElseThrow(() -> new InvalidJweException("unsupported JWE enc"));
        if (h.getCompressionAlgorithm() != null) {
            throw new InvalidJweException("compressed JWEs are not accepted"); // no decompression bombs
        }
        if (h.getCriticalParams() != null && !h.getCriticalParams().isEmpty()) {
            throw new InvalidJweException("the JWE names critical header parameters Gatehouse does not understand"); // RFC 7516 4.1.13
        }
        return new Header(alg, enc, h.getKeyID(), h.getContentType());
    }

    private static JWEEncrypter encrypter(JweAlgorithm alg, Key key) throws JOSEException {
        return switch (alg) {
            case RSA_OAEP, RSA_OAEP_256 -> new RSAEncrypter((RSAPublicKey) key);
            case ECDH_ES, ECDH_ES_A128KW, ECDH_ES_A256KW -> new ECDHEncrypter((ECPublicKey) key);
            case A128KW, A256KW -> new AESEncrypter((SecretKey) key);
            case DIR -> new DirectEncrypter((SecretKey) key);
        };
    }

    private static JWEDecrypter decrypter(JweAlgorithm alg, Key key) throws JOSEException {
        return switch (alg) {
            case RSA_OAEP, RSA_OAEP_256 -> new RSADecrypter((java.security.PrivateKey) key);
            case ECDH_ES, ECDH_ES_A128KW, ECDH_ES_A256KW -> new ECDHDecrypter((ECPrivateKey) key);
            case A128KW, A256KW -> new AESDecrypter((SecretKey) key);
            case DIR -> new DirectDecrypter((SecretKey) key);
        };
    }
}
