package io.gatehouse.model.authorization;

import io.gatehouse.model.client.ClientJwks;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.Json;
import io.gatehouse.model.jose.Jws;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.jose.NumericDate;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request objects (OIDC Core 6.1, 6.2, RFC 9101), by value or as fetched from a request_uri: unsigned
 * ({@code alg: none}) or signed by the client with a key of its {@code jwks} or {@code jwks_uri} (OIDC Registration 2,
 * through {@link ClientKeys}), and either one possibly encrypted (OIDC Core 6.1, RFC 9101 6.1: signed, then encrypted)
 * to Gatehouse's {@code use: enc} keys or with the client's secret ({@link Decryption}). The claims become
 * authorization request parameters (OIDC Core 6.3.3).
 */
public final class RequestObject {

    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    /** Tolerated difference between the client's clock and ours. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private RequestObject() {
    }

    /** The client's public keys as JWKs; {@code refresh} asks for a fresh copy (a kid not held, RFC 7517 4.5). */
    @FunctionalInterface
    public interface ClientKeys {
        List<Map<String, Object>> keys(boolean refresh);
    }

    /** Decrypts an encrypted request object for its client: the nested JWT or the claims set inside. */
    @FunctionalInterface
    public interface Decryption {
        /** @throws io.gatehouse.model.error.OAuthException invalid_request_object when it does not decrypt */
        String decrypt(String jwe, ClientEntity client);
    }

    /** Refuses every encrypted request object (where no decryption keys are at hand). */
    public static final Decryption NO_DECRYPTION = (jwe, client) -> {
        throw AuthorizationError.requestNotSupported("encrypted request objects are not supported here").toException();
    };

    /**
     * The parameters carried by {@code jwt}, a signature (if any) verified with the client's registered {@code jwks};
     * unsigned only where the client registered {@code none}; not encrypted.
     */
    public static Map<String, String> parameters(String jwt, ClientEntity client, String issuer) {
        return parameters(jwt, client, issuer, refresh -> inlineKeys(client), RequestObjectPolicy.of(client, false),
                NO_DECRYPTION);
    }

    /**
     * The parameters carried by {@code jwt}, after its signature verified with one of {@code keys}, or, unsigned, as
     * far as {@code policy} accepts that.
     */
    public static Map<String, String> parameters(String jwt, ClientEntity client, String issuer, ClientKeys keys,
                                                 RequestObjectPolicy policy, Decryption decryption) {
        if (jwt.length() > Jws.MAX_LENGTH) {
            throw invalid("the request object is too large");
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length == 5) {
            String inner = decryption.decrypt(jwt, client);
            if (inner.split("\\.", -1).length == 3) {
                return parameters(inner, client, issuer, keys, policy, NO_NESTED_ENCRYPTION); // signed, then encrypted
            }
            // encrypted without a signature: the plaintext is the claims set, taken as an unsigned request object
            String refused = policy.unsignedRejection();
            if (refused != null) {
                throw invalid(refused);
            }
            Map<String, Object> claims = Json.readObject(inner.getBytes(StandardCharsets.UTF_8));
            if (claims == null) {
                throw invalid("the decrypted request object is neither a JWT nor a JSON object");
            }
            return checkedParameters(claims, client);
        }
        if (parts.length != 3) {
            throw invalid("the request object is not a JWT");
        }
        Map<String, Object> header = Json.readObject(decode(parts[0]));
        if (header == null) {
            throw invalid("the request object header is not a JSON object");
        }
        Object registeredAlg = policy.registeredAlg();
        Map<String, Object> claims;
        if ("none".equals(header.get("alg"))) {
            // OIDC Core 6.1, Registration 2, RFC 9101 10.5: unsigned only where the client's registration allows it.
            String refused = policy.unsignedRejection();
            if (refused != null) {
                throw invalid(refused);
            }
            if (!parts[2].isEmpty()) {
                throw invalid("an unsigned request object has an empty signature");
            }
            claims = Json.readObject(decode(parts[1]));
        } else {
            claims = verifiedClaims(jwt, keys, registeredAlg);
            // RFC 9101 4, 6.3: a signed object is issued by the client for this authorization server.
            if (claims.containsKey("iss") && !client.clientId.equals(claims.get("iss"))) {
                throw invalid("the request object iss is not the client_id");
            }
            Object aud = claims.get("aud");
            if (aud != null && !(issuer.equals(aud) || (aud instanceof List<?> l && l.contains(issuer)))) {
                throw invalid("the request object aud is not this issuer");
            }
            if (claims.containsKey("exp")) { // RFC 7519 4.1.4: a NumericDate, not in the past
                Instant exp = NumericDate.toInstant(claims.get("exp"));
                if (exp == null) {
                    throw invalid("the request object exp is not a NumericDate");
                }
                if (exp.isBefore(Instant.now())) {
                    throw invalid("the request object has expired");
                }
            }
            if (claims.containsKey("nbf")) { // RFC 7519 4.1.5: must not be accepted before nbf
                Instant nbf = NumericDate.toInstant(claims.get("nbf"));
                if (nbf == null || nbf.isAfter(Instant.now().plus(CLOCK_SKEW))) {
                    throw invalid("the request object is not valid yet");
                }
            }
        }
        if (claims == null) {
            throw invalid("the request object payload is not a JSON object");
        }
        return checkedParameters(claims, client);
    }

    private static final Decryption NO_NESTED_ENCRYPTION = (jwe, client) -> {
        throw invalid("a request object is encrypted once, around a JWT");
    };

    private static Map<String, String> checkedParameters(Map<String, Object> claims, ClientEntity client) {
        if (claims.containsKey("client_id") && !client.clientId.equals(claims.get("client_id"))) {
            throw invalid("client_id in the request object does not match the request"); // OIDC Core 6.1
        }
        return asParameters(claims);
    }

    private static Map<String, Object> verifiedClaims(String jwt, ClientKeys keys, Object registeredAlg) {
        Jws.Parsed jws;
        try {
            jws = Jws.parse(jwt);
        } catch (InvalidJwsException e) {
            throw invalid("the request object is not a valid JWS: " + e.getMessage());
        }
        if (registeredAlg != null && !jws.alg().name().equals(registeredAlg)) {
            throw invalid("the request object is not signed with the registered algorithm");
        }
        List<PublicKey> candidates = ClientJwks.candidates(keys.keys(false), jws.kid(), jws.alg());
        if (candidates.isEmpty()) {
            candidates = ClientJwks.candidates(keys.keys(true), jws.kid(), jws.alg()); // a rotated key: fetch again
        }
        if (candidates.isEmpty()) {
            throw invalid("no key of the client matches the request object");
        }
        if (candidates.stream().noneMatch(jws::verify)) {
            throw invalid("the request object signature does not verify");
        }
        Map<String, Object> claims = jws.claims();
        if (claims == null) {
            throw invalid("the request object payload is not a JSON object");
        }
        return claims;
    }

    /** The keys of the client's registered {@code jwks} (by value only). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> inlineKeys(ClientEntity client) {
        Object jwks = client.metadata == null ? null : client.metadata.get("jwks");
        if (!(jwks instanceof Map<?, ?> set) || !(set.get("keys") instanceof List<?> keys)) {
            return List.of();
        }
        return keys.stream().filter(k -> k instanceof Map<?, ?>).map(k -> (Map<String, Object>) k).toList();
    }

    /** Claims as request parameters: strings as they are, numbers and booleans as text, objects (claims) as JSON. */
    static Map<String, String> asParameters(Map<String, Object> claims) {
        Map<String, String> out = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (value instanceof String s) {
                out.put(name, s);
            } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
                out.put(name, Json.writeString(value));
            } else {
                out.put(name, value.toString());
            }
        });
        return out;
    }

    private static byte[] decode(String part) {
        try {
            return B64URL.decode(part);
        } catch (IllegalArgumentException e) {
            return "x".getBytes(StandardCharsets.US_ASCII); // not JSON: reported as such by the caller
        }
    }

    private static io.gatehouse.model.error.OAuthException invalid(String description) {
        return AuthorizationError.invalidRequestObject(description).toException();
    }
}
