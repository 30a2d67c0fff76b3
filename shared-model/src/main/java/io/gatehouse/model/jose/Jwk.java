package io.gatehouse.model.jose;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Public JSON Web Keys (RFC 7517, RFC 7518 6.2-6.3, RFC 8037 2): never any private member. */
public final class Jwk {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();
    /** DER prefix of an X.509 SubjectPublicKeyInfo holding a raw 32-byte Ed25519 key. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Jwk() {
    }

    /** The public JWK of {@code key} with kid, use sig and alg. */
    public static Map<String, Object> publicJwk(PublicKey key, String kid, JwsAlgorithm alg) {
        return publicJwk(key, kid, alg.keyType(), "sig", alg.name());
    }

    /** The public JWK of {@code key} ({@code kty} RSA, EC P-256 or OKP Ed25519) with kid, use and alg (when not null). */
    public static Map<String, Object> publicJwk(PublicKey key, String kid, String kty, String use, String alg) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", kty);
        jwk.put("kid", kid);
        jwk.put("use", use);
        if (alg != null) {
            jwk.put("alg", alg);
        }
        switch (kty) {
            case "RSA" -> {
                RSAPublicKey rsa = (RSAPublicKey) key;
                jwk.put("n", B64URL.encodeToString(unsigned(rsa.getModulus())));
                jwk.put("e", B64URL.encodeToString(unsigned(rsa.getPublicExponent())));
            }
            case "EC" -> {
                ECPublicKey ec = (ECPublicKey) key;
                jwk.put("crv", "P-256");
                jwk.put("x", B64URL.encodeToString(fixed(ec.getW().getAffineX(), 32)));
                jwk.put("y", B64URL.encodeToString(fixed(ec.getW().getAffineY(), 32)));
            }
            case "OKP" -> {
                byte[] encoded = key.getEncoded();
                jwk.put("crv", "Ed25519");
                jwk.put("x", B64URL.encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)));
            }
            default -> throw new IllegalArgumentException("unsupported key type " + kty);
        }
        return jwk;
    }

    /** The public key of a JWK (RSA, EC P-256, OKP Ed25519). */
    public static PublicKey publicKey(Map<String, Object> jwk) throws InvalidJwsException {
        try {
            String kty = string(jwk, "kty");
            switch (kty) {
                case "RSA" -> {
                    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                            new BigInteger(1, bytes(jwk, "n")), new BigInteger(1, bytes(jwk, "e"))));
                }
                case "EC" -> {
                    if (!"P-256".equals(jwk.get("crv"))) {
                        throw new InvalidJwsException("unsupported curve " + jwk.get("crv"));
                    }
                    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
                    params.init(new ECGenParameterSpec("secp256r1"));
                    ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
                    ECPoint point = new ECPoint(new BigInteger(1, bytes(jwk, "x")), new BigInteger(1, bytes(jwk, "y")));
                    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
                }
                case "OKP" -> {
                    if (!"Ed25519".equals(jwk.get("crv"))) {
                        throw new InvalidJwsException("unsupported curve " + jwk.get("crv"));
                    }
                    byte[] x = bytes(jwk, "x");
                    if (x.length != 32) {
                        throw new InvalidJwsException("Ed25519 key must be 32 bytes");
                    }
                    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
                    System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, 32);
                    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
                }
                default -> throw new InvalidJwsException("unsupported kty " + kty);
            }
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidJwsException("invalid JWK: " + e.getMessage());
        }
    }

    /** JWK members that only a private or symmetric key has (RFC 7518 6.2.2, 6.3.2, 6.4; RFC 8037 2). */
    private static final java.util.Set<String> PRIVATE_MEMBERS = java.util.Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    /** Whether {@code jwk} carries private or symmetric key material. */
    public static boolean hasPrivateMembers(Map<String, Object> jwk) {
        return jwk.keySet().stream().anyMatch(PRIVATE_MEMBERS::contains);
    }

    /**
     * The JWK SHA-256 thumbprint, base64url (RFC 7638 3): the required members of the key type, in lexicographic
     * order, without whitespace. Only key types {@link #publicKey} accepts; their members are base64url or fixed
     * names, so no JSON escaping is needed (3.3), and anything else is refused.
     */
    public static String thumbprint(Map<String, Object> jwk) throws InvalidJwsException {
        String kty = string(jwk, "kty");
        String[] members = switch (kty) {
            case "RSA" -> new String[] {"e", "kty", "n"};
            case "EC" -> new String[] {"crv", "kty", "x", "y"};
            case "OKP" -> new String[] {"crv", "kty", "x"};
            default -> throw new InvalidJwsException("unsupported kty " + kty);
        };
        StringBuilder json = new StringBuilder("{");
        for (String member : members) {
            String value = string(jwk, member);
            if (!value.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_')) {
                throw new InvalidJwsException("JWK member " + member + " is not base64url");
            }
            json.append(json.length() > 1 ? "," : "").append('"').append(member).append("\":\"").append(value).append('"');
        }
        json.append('}');
        return B64URL.encodeToString(io.gatehouse.model.crypto.Sha256.digest(json.toString()));
    }

    private static String string(Map<String, Object> jwk, String name) throws InvalidJwsException {
        if (jwk.get(name) instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw new InvalidJwsException("JWK member " + name + " missing");
    }

    private static byte[] bytes(Map<String, Object> jwk, String name) throws InvalidJwsException {
        return B64URL_DECODER.decode(string(jwk, name));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] fixed(BigInteger value, int length) {
        byte[] bytes = unsigned(value);
        if (bytes.length == length) {
            return bytes;
        }
        byte[] out = new byte[length];
        System.arraycopy(bytes, 0, out, length - bytes.length, bytes.length);
        return out;
    }
}
