package io.gatehouse.model.dpop;

import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.Jwk;
import io.gatehouse.model.jose.Jws;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.jose.NumericDate;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks of a DPoP proof JWT (RFC 9449 4.3), one per rule, as a pure function of the proof and what the request
 * was. The jti replay check (step 11's "not used before") and the nonce (step 10) need state and live in
 * {@link DpopProofs}.
 */
public final class DpopProofCheck {

    /** RFC 9449 4.2: the JOSE header typ of a proof. */
    public static final String TYP = "dpop+jwt";
    /** A jti longer than this is refused (RFC 9449 4.2 asks for 96 random bits; 256 characters is plenty). */
    static final int MAX_JTI_LENGTH = 256;

    private DpopProofCheck() {
    }

    /**
     * What the request was: its method and target URI, the access token it presents (null at the token endpoint),
     * the time, and the proof's allowed age and algorithms.
     */
    public record Expectation(String htm, String htu, String accessToken, Instant now, Duration maxAge, Duration skew,
                              Set<JwsAlgorithm> algorithms) {
    }

    /** The verified proof; {@link DpopRefusal} {@code invalid_dpop_proof} for the first rule it breaks. */
    public static DpopProof check(String compact, Expectation e) {
        Jws.Parsed jws;
        try {
            jws = Jws.parse(compact); // 4.3 step 2: a well-formed JWS (size bound, no crit, no none, no MAC)
        } catch (InvalidJwsException ex) {
            throw DpopRefusal.invalid("the DPoP proof is not a well-formed JWS with an asymmetric algorithm");
        }
        if (!TYP.equals(jws.typ())) {
            throw DpopRefusal.invalid("the DPoP proof's typ must be dpop+jwt"); // step 4
        }
        if (!e.algorithms().contains(jws.alg())) {
            throw DpopRefusal.invalid("the DPoP proof's alg is not supported"); // step 5
        }
        if (!(jws.header().get("jwk") instanceof Map<?, ?> rawJwk)) {
            throw DpopRefusal.invalid("the DPoP proof has no jwk header"); // step 3
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = (Map<String, Object>) rawJwk;
        if (Jwk.hasPrivateMembers(jwk)) {
            throw DpopRefusal.invalid("the DPoP proof's jwk must not contain a private key"); // step 7
        }
        PublicKey key;
        String jkt;
        try {
            key = Jwk.publicKey(jwk);
            jkt = Jwk.thumbprint(jwk);
        } catch (InvalidJwsException ex) {
            throw DpopRefusal.invalid("the DPoP proof's jwk is not a supported public key");
        }
        if (!jws.alg().keyType().equals(jwk.get("kty")) || !jws.verify(key)) {
            throw DpopRefusal.invalid("the DPoP proof's signature does not verify with its jwk"); // step 6
        }
        Map<String, Object> claims = jws.claims();
        if (claims == null || !(claims.get("jti") instanceof String jti) || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH
                || !(claims.get("htm") instanceof String htm) || !(claims.get("htu") instanceof String htu)
                || !claims.containsKey("iat")) {
            throw DpopRefusal.invalid("the DPoP proof lacks jti, htm, htu or iat"); // step 3
        }
        if (!htm.equals(e.htm())) {
            throw DpopRefusal.invalid("the DPoP proof's htm does not match the request method"); // step 8
        }
        if (!sameTarget(htu, e.htu())) {
            throw DpopRefusal.invalid("the DPoP proof's htu does not match the request URI"); // step 9
        }
        Instant iat = NumericDate.toInstant(claims.get("iat"));
        if (iat == null || iat.isBefore(e.now().minus(e.maxAge())) || iat.isAfter(e.now().plus(e.skew()))) {
            throw DpopRefusal.invalid("the DPoP proof's iat is outside the accepted window"); // step 11
        }
        if (e.accessToken() != null) {
            // Step 12: ath is the base64url SHA-256 of the access token's ASCII octets (4.2).
            if (!(claims.get("ath") instanceof String ath)
                    || !MessageDigest.isEqual(ath.getBytes(), Sha256.hash(e.accessToken()).getBytes())) {
                throw DpopRefusal.invalid("the DPoP proof's ath does not match the access token");
            }
        }
        String nonce = claims.get("nonce") instanceof String n ? n : null;
        return new DpopProof(jkt, jti, htm, htu, iat, nonce);
    }

    /**
     * RFC 9449 4.3 step 9: the htu equals the request URI without query and fragment, after syntax- and scheme-based
     * normalisation (RFC 3986 6.2.2, 6.2.3): case of scheme and host, the default port, an empty path. An htu with a
     * query, a fragment or user information never matches.
     */
    static boolean sameTarget(String htu, String expected) {
        String a = normalise(htu);
        return a != null && a.equals(normalise(expected));
    }

    private static String normalise(String uri) {
        try {
            URI u = new URI(uri);
            // RFC 9449 4.2: htu is the URI without query and fragment.
            if (u.getScheme() == null || u.getRawAuthority() == null || u.getHost() == null || u.getRawUserInfo() != null
                    || u.getRawQuery() != null || u.getRawFragment() != null) {
                return null;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            if (port == ("https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -2)) {
                port = -1;
            }
            String path = u.normalize().getRawPath();
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port)
                    + (path == null || path.isEmpty() ? "/" : path);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
