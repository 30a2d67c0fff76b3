package io.gatehouse.model.bearer;

import io.gatehouse.model.bearer.BearerTokenExtraction.Presented;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.dpop.DpopProof;
import io.gatehouse.model.dpop.DpopProofs;
import io.gatehouse.model.dpop.DpopRefusal;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.token.AccessTokenValidator.ValidatedAccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sender constraint of an access token at a protected resource (RFC 9449 7): a DPoP-bound token is accepted
 * only with the DPoP scheme and a valid proof, for this request and this token, signed by the key its
 * {@code cnf.jkt} names; it is never accepted as a bearer token (7.2). A bearer token sent with the DPoP scheme is
 * refused too. Refusals are {@code DPoP} challenges.
 */
@ApplicationScoped
public class SenderConstraint {

    /** RFC 9449 7.1: the algs parameter of DPoP challenges. */
    public static final String ALGS = DpopProofs.ALGORITHMS.stream().sorted().map(JwsAlgorithm::name).collect(Collectors.joining(" "));

    @Inject
    DpopProofs proofs;

    /**
     * @param presented   how the request sent the token
     * @param token       the validated token
     * @param dpopHeaders the values of the request's DPoP header
     * @param method      the request method
     * @param endpoint    the resource requested
     */
    public void check(Presented presented, ValidatedAccessToken token, List<String> dpopHeaders, String method,
                      Endpoint endpoint) {
        if (token.jkt() == null) {
            if (presented.dpop()) {
                throw BearerChallenge.dpop("invalid_token", "the access token is not DPoP-bound", ALGS, null);
            }
            return;
        }
        if (!presented.dpop()) {
            throw BearerChallenge.dpop("invalid_token", "the access token is DPoP-bound: send it with the DPoP scheme and a proof",
                    ALGS, null);
        }
        DpopProof proof;
        try {
            proof = proofs.verify(dpopHeaders, method, endpoint, presented.token())
                    .orElseThrow(() -> DpopRefusal.invalid("a DPoP proof is required"));
        } catch (DpopRefusal r) {
            throw BearerChallenge.dpop(r.error(), r.description(), ALGS, r.nonce());
        }
        if (!MessageDigest.isEqual(proof.jkt().getBytes(StandardCharsets.US_ASCII), token.jkt().getBytes(StandardCharsets.US_ASCII))) {
            throw BearerChallenge.dpop("invalid_token", "the DPoP proof is not signed by the key the access token is bound to",
                    ALGS, null);
        }
    }
}
