package io.gatehouse.model.dpop;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.discovery.ProviderFacts;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.store.DpopProofJtis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The DPoP proof of a request (RFC 9449 4.3), for the token and PAR endpoints and for protected resources: at most
 * one {@code DPoP} header, every rule of {@link DpopProofCheck} against the endpoint's public URL, the server nonce
 * when {@code gatehouse.dpop.nonce.required}, and a jti not used before at any replica.
 */
@ApplicationScoped
public class DpopProofs {

    /** The proof algorithms accepted, and advertised as {@code dpop_signing_alg_values_supported} (RFC 9449 5.1). */
    public static final Set<JwsAlgorithm> ALGORITHMS = Set.copyOf(EnumSet.allOf(JwsAlgorithm.class));

    @Inject
    DpopConfig config;
    @Inject
    DpopNonces nonces;
    @Inject
    DpopProofJtis jtis;
    @Inject
    GatehouseConfig gatehouse;

    /**
     * The request's verified proof, or empty when it sent no {@code DPoP} header.
     *
     * @param headers     the values of the request's DPoP header
     * @param method      the request method
     * @param endpoint    the endpoint requested (its public URL is the expected htu)
     * @param accessToken the access token the request presents (its hash is the expected ath), or null
     * @throws DpopRefusal for an invalid proof, a replay, or a missing or stale nonce
     */
    public Optional<DpopProof> verify(List<String> headers, String method, Endpoint endpoint, String accessToken) {
        if (headers == null || headers.isEmpty()) {
            return Optional.empty();
        }
        if (headers.size() > 1) {
            throw DpopRefusal.invalid("more than one DPoP header"); // RFC 9449 4.3 step 1
        }
        String htu = ProviderFacts.url(ProviderFacts.publicUrls(gatehouse.urls()), endpoint);
        DpopProof proof = DpopProofCheck.check(headers.get(0).trim(), new DpopProofCheck.Expectation(method, htu,
                accessToken, Instant.now(), config.proofMaxAge(), config.clockSkew(), ALGORITHMS));
        if (config.nonce().required() && !nonces.accepts(proof.nonce())) {
            // RFC 9449 8 and 9: tell the client the nonce to use.
            throw DpopRefusal.useNonce(proof.nonce() == null ? "a DPoP nonce is required" : "the DPoP nonce is stale or unknown",
                    nonces.current());
        }
        if (!jtis.firstUse(proof.jkt(), proof.jti(), proof.iat().plus(config.proofMaxAge()).plusSeconds(1))) {
            throw DpopRefusal.invalid("the DPoP proof was used before"); // RFC 9449 11.1
        }
        return Optional.of(proof);
    }

    /** RFC 9449 8.2: the nonce to send with a response when nonces are demanded. */
    public Optional<String> nonceForResponse() {
        return config.nonce().required() ? Optional.of(nonces.current()) : Optional.empty();
    }
}
