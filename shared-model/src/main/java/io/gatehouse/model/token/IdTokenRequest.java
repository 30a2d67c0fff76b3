package io.gatehouse.model.token;

import io.gatehouse.model.claims.ClaimsRequest;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.UserEntity;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What an ID token is made from, wherever it is issued (authorization endpoint for implicit and hybrid
 * responses, token endpoint for code exchange and refresh).
 *
 * @param scopes          the granted scopes (decide the scope claims, OIDC Core 5.4)
 * @param claimsRequest   the claims request parameter of the authorization (OIDC Core 5.5), never null
 * @param nonce           the request's nonce, passed unchanged (OIDC Core 3.1.2.1), or null
 * @param authTime        when the end-user authenticated (OIDC Core 2)
 * @param accessToken     the access token issued alongside, for at_hash (3.2.2.10, 3.3.2.11), or null
 * @param code            the authorization code issued alongside, for c_hash (3.3.2.11), or null
 */
public record IdTokenRequest(ClientEntity client, UserEntity user, Set<String> scopes, ClaimsRequest claimsRequest,
                             String nonce, Instant authTime, String acr, List<String> amr, String sid,
                             String accessToken, String code) {
    public IdTokenRequest {
        scopes = Set.copyOf(scopes);
        claimsRequest = claimsRequest == null ? ClaimsRequest.NONE : claimsRequest;
        amr = amr == null ? List.of() : List.copyOf(amr);
    }
}
