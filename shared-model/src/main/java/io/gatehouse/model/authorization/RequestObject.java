package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.Json;
import io.gatehouse.model.jose.Jwk;
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
 * Request objects passed by value (OIDC Core 6.1, RFC 9101): unsigned ({@code alg: none}) or signed by the client
 * with a key of its registered {@code jwks}. Encrypted request objects and keys behind a {@code jwks_uri} are not
 * supported. The claims become authorization request parameters (OIDC Core 6.3.3).
 */
public final class RequestObject {

    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    /** Tolerated difference between the client's clock and ours. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private RequestObject() {
    }

    /** The parameters carried by {@code jwt}, after its signature (if any) verified with the client's keys. */
    public static Map<String, String> parameters(String jwt, ClientEntity client, String issuer) {
        if (jwt.length() > Jws.MAX_LENGTH) {
            throw invalid("the request object is too large");
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length == 5) {
            throw AuthorizationError.requestNotSupported("encrypted request objects are not supported").toException();
        }
        if (parts.length != 3) {
            throw invalid("the request object is not a JWT");
        }
        Map<String, Object> header = Json.readObject(decode(parts[0]));
        if (header == null) {
            throw invalid("the request object header is not a JSON object");
        }
        Object registeredAlg = client.metadata == null ? null : client.metadata.get("request_object_signing_alg");
        Map<String, Object> claims;
        if ("none".equals(header.get("alg"))) {
            // OIDC Core 6.1: unsigned request objects, unless the client registered a signing algorithm.
            if (registeredAlg != null && !"none".equals(registeredAlg)) {
                throw invalid("the client must sign its request objects with " + registeredAlg);
            }
            if (!parts[2].isEmpty()) {
                throw invalid("an unsigned request object has an empty signature");
            }
            claims = Json.readObject(decode(parts[1]));
        } else {
            claims = verifiedClaims(jwt, header, client, registeredAlg);
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
        if (claims.containsKey("client_id") && !client.clientId.equals(claims.get("client_id"))) {
            throw invalid("client_id in the request object does not match the request"); // OIDC Core 6.1
        }
        return asParameters(claims);
    }

    private static Map<String, Object> verifiedClaims(String jwt, Map<String, Object> header, ClientEntity client, Object registeredAlg) {
        Jws.Parsed jws;
        try {
            jws = Jws.parse(jwt);
        } catch (InvalidJwsException e) {
            throw invalid("the request object is not a valid JWS: " + e.getMessage());
        }
        if (registeredAlg != null && !jws.alg().name().equals(registeredAlg)) {
            throw invalid("the request object is not signed with the registered algorithm");
        }
        PublicKey key = clientKey(client, jws.kid(), jws.alg());
        if (!jws.verify(key)) {
            throw invalid("the request object signature does not verify");
        }
        Map<String, Object> claims = jws.claims();
        if (claims == null) {
            throw invalid("the request object payload is not a JSON object");
        }
        return claims;
    }

    /** A key of the client's registered {@code jwks} for {@code alg}: the one named by kid, else the only one of its type. */
    private static PublicKey clientKey(ClientEntity client, String kid, JwsAlgorithm alg) {
        Object jwks = client.metadata == null ? null : client.metadata.get("jwks");
        if (!(jwks instanceof Map<?, ?> set) || !(set.get("keys") instanceof List<?> keys)) {
            throw invalid("the client has no registered jwks to verify the request object");
        }
        List<Map<String, Object>> candidates = keys.stream()
                .filter(k -> k instanceof Map<?, ?>)
                .map(k -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) k;
                    return m;
                })
                .filter(k -> alg.keyType().equals(k.get("kty")))
                .filter(k -> kid == null || kid.equals(k.get("kid")))
                .filter(k -> k.get("use") == null || "sig".equals(k.get("use")))
                .toList();
        if (candidates.size() != 1) {
            throw invalid("no single key of the client matches the request object");
        }
        try {
            return Jwk.publicKey(candidates.get(0));
        } catch (InvalidJwsException e) {
            throw invalid("the client's key is not usable: " + e.getMessage());
        }
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
