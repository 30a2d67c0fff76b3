package io.gatehouse.model.claims;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a user's claims go where (pure). OIDC Core 5.4: claims requested by scope are returned from userinfo
 * when an access token is issued, and in the ID token when none is (response_type=id_token). OIDC Core 5.5: the
 * claims request adds individual claims to userinfo and to the ID token; one asked for with value or values is
 * released only with such a value. Claims the user has no value for are omitted, never sent empty or null, and
 * a missing essential claim is no error (5.5.1).
 */
public final class ClaimRelease {

    private ClaimRelease() {
    }

    /**
     * @param subject           the sub: the user id, identical in the ID token and userinfo (OIDC Core 5.3.2)
     * @param userClaims        every claim the user's attributes yield ({@link ClaimMappings#apply})
     * @param scopes            the granted scopes
     * @param request           the claims request ({@link ClaimsRequest#NONE} when none)
     * @param accessTokenIssued whether the response that carries the ID token also issues an access token
     */
    public static ReleasedClaims release(String subject, Map<String, Object> userClaims, Collection<String> scopes,
                                         ClaimsRequest request, boolean accessTokenIssued) {
        Set<String> byScope = scopeClaims(scopes);
        Map<String, Object> userinfo = new LinkedHashMap<>();
        userinfo.put(StandardClaims.SUB, subject);
        select(userClaims, accessTokenIssued ? byScope : Set.of(), request.userinfo(), userinfo);
        Map<String, Object> idToken = new LinkedHashMap<>();
        select(userClaims, accessTokenIssued ? Set.of() : byScope, request.idToken(), idToken);
        return new ReleasedClaims(idToken, userinfo);
    }

    /** OIDC Core 5.4: the claims the granted scopes ask for. */
    public static Set<String> scopeClaims(Collection<String> scopes) {
        Set<String> claims = new LinkedHashSet<>();
        for (String scope : scopes) {
            claims.addAll(StandardClaims.SCOPE_CLAIMS.getOrDefault(scope, List.of()));
        }
        return claims;
    }

    private static void select(Map<String, Object> userClaims, Set<String> byScope,
                               Map<String, IndividualClaimRequest> requested, Map<String, Object> into) {
        for (Map.Entry<String, Object> claim : userClaims.entrySet()) {
            String name = claim.getKey();
            if (StandardClaims.PROTOCOL_CLAIMS.contains(name)) {
                continue;
            }
            IndividualClaimRequest individual = requested.get(name);
            if (individual == null && !byScope.contains(name)) {
                continue;
            }
            if (individual != null && !individual.accepts(claim.getValue())) {
                continue;
            }
            into.put(name, claim.getValue());
        }
    }
}
