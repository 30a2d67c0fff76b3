package io.gatehouse.userinfo;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.jose.JwsAlgorithm;
import java.util.Map;
import java.util.Optional;

/**
 * What userinfo answers (OIDC Core 5.3.2): the claims, for {@code clientId}; signed with {@code signingAlg} when
 * the client registered {@code userinfo_signed_response_alg}, encrypted when it registered
 * {@code userinfo_encrypted_response_alg} (both: signed, then encrypted), plain JSON otherwise.
 */
public record UserinfoResponse(Map<String, Object> claims, ClientEntity client, Optional<JwsAlgorithm> signingAlg) {

    public String clientId() {
        return client.clientId;
    }
}
