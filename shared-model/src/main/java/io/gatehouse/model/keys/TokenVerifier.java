package io.gatehouse.model.keys;

import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.Jws;
import io.gatehouse.model.jose.JwsAlgorithm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Verifies the signature of a token Gatehouse signed, with its published keys (cached in memory). It checks
 * only what makes the JWS authentic: a supported alg, a known kid whose key is of that alg, the signature,
 * and a JSON object payload. Claims (iss, exp, aud, typ) are the caller's policy.
 */
@ApplicationScoped
public class TokenVerifier {

    @Inject
    KeyCache keys;

    public VerifiedToken verify(String compact) throws InvalidJwsException {
        Jws.Parsed jws = Jws.parse(compact);
        KeyCache.CachedKey key = keys.byKid(jws.kid()).orElseThrow(() -> new InvalidJwsException("unknown kid"));
        if (key.alg() != jws.alg()) {
            // RFC 8725 3.1: the key decides the algorithm, never the token.
            throw new InvalidJwsException("alg does not match the key");
        }
        if (!jws.verify(key.publicKey())) {
            throw new InvalidJwsException("signature does not verify");
        }
        Map<String, Object> claims = jws.claims();
        if (claims == null) {
            throw new InvalidJwsException("payload is not a JSON object");
        }
        return new VerifiedToken(jws.header(), claims, key.kid(), jws.alg());
    }

    /** A token whose signature verified. */
    public record VerifiedToken(Map<String, Object> header, Map<String, Object> claims, String kid, JwsAlgorithm alg) {
        public String typ() {
            return header.get("typ") instanceof String s ? s : null;
        }
    }
}
