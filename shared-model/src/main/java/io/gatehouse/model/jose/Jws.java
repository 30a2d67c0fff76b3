package io.gatehouse.model.jose;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** JWS Compact Serialization (RFC 7515 3.1, 5.1, 5.2): signing and parsing; verification on {@link Parsed}. */
public final class Jws {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();
    /** Larger inputs are refused before any decoding work. */
    public static final int MAX_LENGTH = 16 * 1024;

    private Jws() {
    }

    /** Signs {@code claims} with a header of alg, kid and typ (typ omitted when null). */
    public static String sign(Map<String, Object> claims, JwsAlgorithm alg, String kid, String typ, PrivateKey key) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg.name());
        if (typ != null) {
            header.put("typ", typ);
        }
        header.put("kid", kid);
        String signingInput = B64URL.encodeToString(Json.write(header)) + "." + B64URL.encodeToString(Json.write(claims));
        try {
            Signature signature = alg.newSignature();
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + alg + " key " + kid, e);
        }
    }

    /** Splits and decodes a compact JWS; the signature is not checked yet. RFC 7515 5.2 steps 1-7. */
    public static Parsed parse(String compact) throws InvalidJwsException {
        Decoded d = decode(compact);
        Object alg = d.header().get("alg");
        JwsAlgorithm algorithm = JwsAlgorithm.fromName(alg instanceof String s ? s : null)
                .orElseThrow(() -> new InvalidJwsException("unsupported alg " + alg));
        return new Parsed(d.header(), algorithm, d.payload(), d.signingInput(), d.signature());
    }

    /**
     * Parses a client assertion of {@code client_secret_jwt} (RFC 7523 2.2, OIDC Core 9): the one place an HMAC JWS
     * is accepted, and only HS256 (RFC 7518 3.2). Call it only for a client whose registered
     * {@code token_endpoint_auth_method} is client_secret_jwt; {@link #parse} keeps refusing HMAC everywhere else, so
     * no token of Gatehouse's own and no private_key_jwt assertion can be verified with a shared secret.
     */
    public static HmacParsed parseHs256(String compact) throws InvalidJwsException {
        Decoded d = decode(compact);
        if (!HmacParsed.ALG.equals(d.header().get("alg"))) {
            throw new InvalidJwsException("client_secret_jwt assertions must use HS256");
        }
        return new HmacParsed(d.header(), d.payload(), d.signingInput(), d.signature());
    }

    private record Decoded(Map<String, Object> header, byte[] payload, byte[] signingInput, byte[] signature) {
    }

    private static Decoded decode(String compact) throws InvalidJwsException {
        if (compact == null || compact.isEmpty() || compact.length() > MAX_LENGTH) {
            throw new InvalidJwsException("missing or oversized token");
        }
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || compact.indexOf('.', second + 1) >= 0) {
            throw new InvalidJwsException("not a JWS in compact serialization");
        }
        try {
            byte[] headerBytes = B64URL_DECODER.decode(compact.substring(0, first));
            byte[] payload = B64URL_DECODER.decode(compact.substring(first + 1, second));
            byte[] signature = B64URL_DECODER.decode(compact.substring(second + 1));
            Map<String, Object> header = Json.readObject(headerBytes);
            if (header == null) {
                throw new InvalidJwsException("JOSE header is not a JSON object");
            }
            if (header.containsKey("crit")) {
                // RFC 7515 4.1.11: no extension is understood here, so any crit makes the JWS invalid.
                throw new InvalidJwsException("unsupported critical header parameters");
            }
            return new Decoded(header, payload, compact.substring(0, second).getBytes(StandardCharsets.US_ASCII), signature);
        } catch (IllegalArgumentException e) {
            throw new InvalidJwsException("invalid base64url");
        }
    }

    /** A decoded HS256 JWS (client_secret_jwt only). {@code payload} is only trustworthy after {@link #verify}. */
    public record HmacParsed(Map<String, Object> header, byte[] payload, byte[] signingInput, byte[] signature) {

        public static final String ALG = "HS256";
        /** RFC 7518 3.2: the key must be at least as long as the hash output (256 bits). */
        public static final int MIN_KEY_BYTES = 32;

        /** Verifies the HMAC-SHA-256 with {@code secret}, in constant time; false for a key shorter than 256 bits. */
        public boolean verify(byte[] secret) {
            if (secret == null || secret.length < MIN_KEY_BYTES) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                return MessageDigest.isEqual(mac.doFinal(signingInput), signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        /** The payload as a JSON object; null when it is not one. */
        public Map<String, Object> claims() {
            return Json.readObject(payload);
        }
    }

    /** A decoded JWS. {@code payload} is only trustworthy after {@link #verify} returned true. */
    public record Parsed(Map<String, Object> header, JwsAlgorithm alg, byte[] payload, byte[] signingInput, byte[] signature) {

        public String kid() {
            return header.get("kid") instanceof String s ? s : null;
        }

        public String typ() {
            return header.get("typ") instanceof String s ? s : null;
        }

        /** Verifies the signature with {@code key}, which must be a key for {@link #alg}. */
        public boolean verify(PublicKey key) {
            try {
                Signature s = alg.newSignature();
                s.initVerify(key);
                s.update(signingInput);
                return s.verify(signature);
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        }

        /** The payload as a JSON object; null when it is not one. */
        public Map<String, Object> claims() {
            return Json.readObject(payload);
        }
    }

    public static String base64Url(byte[] bytes) {
        return B64URL.encodeToString(bytes);
    }
}
