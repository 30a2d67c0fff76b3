package io.gatehouse.model.keys;

import io.gatehouse.model.jose.Jws;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Signs tokens with Gatehouse's active key for an algorithm (keys held in {@link KeyCache}). */
@ApplicationScoped
public class TokenSigner {

    @Inject
    KeyCache keys;

    /**
     * A compact JWS of {@code claims} signed with the active {@code alg} key; {@code typ} goes in the header
     * ({@code JWT} for ID tokens, {@code at+jwt} for access tokens per RFC 9068 2.1, {@code logout+jwt}).
     */
    @WithSpan("jws.sign")
    public String sign(Map<String, Object> claims, String typ, JwsAlgorithm alg) {
        KeyCache.CachedKey key = keys.active(alg);
        return Jws.sign(claims, alg, key.kid(), typ, keys.signingKey(key));
    }
}
