package io.gatehouse.model.bearer;

import io.gatehouse.model.token.AccessTokenValidator;
import io.gatehouse.model.token.AccessTokenValidator.InvalidAccessTokenException;
import io.gatehouse.model.token.AccessTokenValidator.ValidatedAccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Access to a Gatehouse protected resource (the operators' commands, the admin API): the request's access token
 * (RFC 6750 2), valid and unrevoked (RFC 9068 4, {@link AccessTokenValidator}) and granted the resource's scope;
 * otherwise a {@link BearerChallenge} (401 invalid_token, 403 insufficient_scope, RFC 6750 3.1).
 */
@ApplicationScoped
public class BearerAccess {

    @Inject
    AccessTokenValidator validator;

    public ValidatedAccessToken require(List<String> authorization, List<String> formTokens, List<String> queryTokens,
                                        String scope) {
        String token = BearerTokenExtraction.extract(authorization, formTokens, queryTokens);
        ValidatedAccessToken validated;
        try {
            validated = validator.validate(token);
        } catch (InvalidAccessTokenException e) {
            throw BearerChallenge.invalidToken(e.getMessage());
        }
        if (!validated.hasScope(scope)) {
            throw BearerChallenge.insufficientScope(scope, "the access token was not granted the " + scope + " scope");
        }
        return validated;
    }
}
