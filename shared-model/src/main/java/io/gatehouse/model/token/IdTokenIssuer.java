package io.gatehouse.model.token;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.keys.TokenSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Signs ID tokens with the algorithm the client registered (OIDC Registration 2: RS256 by default). */
@ApplicationScoped
public class IdTokenIssuer {

    @Inject
    TokenSigner signer;

    public String issue(IdTokenClaims claims, JwsAlgorithm alg) {
        return signer.sign(claims.toMap(), "JWT", alg);
    }

    /** The client's {@code id_token_signed_response_alg}, RS256 when absent or not supported. */
    public static JwsAlgorithm algorithmFor(ClientEntity client) {
        Object alg = client.metadata == null ? null : client.metadata.get("id_token_signed_response_alg");
        return JwsAlgorithm.fromName(alg instanceof String s ? s : null).orElse(JwsAlgorithm.RS256);
    }
}
