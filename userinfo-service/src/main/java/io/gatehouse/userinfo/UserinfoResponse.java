package io.gatehouse.userinfo;

import io.gatehouse.model.jose.JwsAlgorithm;
import java.util.Map;
import java.util.Optional;

/**
 * What userinfo answers (OIDC Core 5.3.2): the claims, for {@code clientId}; signed with {@code signingAlg} when
 * the client registered {@code userinfo_signed_response_alg}, plain JSON otherwise.
 */
public record UserinfoResponse(Map<String, Object> claims, String clientId, Optional<JwsAlgorithm> signingAlg) {
}
