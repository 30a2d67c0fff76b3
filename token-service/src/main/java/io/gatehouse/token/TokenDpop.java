package io.gatehouse.token;

import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.dpop.DpopProof;
import io.gatehouse.model.dpop.DpopProofs;
import io.gatehouse.model.dpop.DpopRefusal;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.token.grant.TokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The token endpoint's DPoP step (RFC 9449 5): the request's proof, verified for POST to the token endpoint, is
 * attached to the request so that the grant handler binds what it issues to the proof's key. A client that
 * registered {@code dpop_bound_access_tokens: true} must send one (5.2). Refusals are 400 errors (5, 8).
 */
@ApplicationScoped
public class TokenDpop {

    static final String DPOP_BOUND_ACCESS_TOKENS = "dpop_bound_access_tokens";

    @Inject
    DpopProofs proofs;

    public TokenRequest bind(TokenRequest request, List<String> dpopHeaders, AuthenticatedClient client) {
        Optional<DpopProof> proof;
        try {
            proof = proofs.verify(dpopHeaders, "POST", Endpoint.TOKEN, null);
        } catch (DpopRefusal r) {
            throw r.toTokenError();
        }
        if (proof.isEmpty() && requiresDpop(client.client())) {
            throw DpopRefusal.invalid("the client must send a DPoP proof (dpop_bound_access_tokens)").toTokenError();
        }
        return proof.map(request::withDpop).orElse(request);
    }

    /** RFC 9449 8.2: a fresh nonce for the response, when nonces are demanded. */
    Optional<String> nonce() {
        return proofs.nonceForResponse();
    }

    static boolean requiresDpop(ClientEntity client) {
        return client.metadata != null && Boolean.TRUE.equals(client.metadata.get(DPOP_BOUND_ACCESS_TOKENS));
    }
}
