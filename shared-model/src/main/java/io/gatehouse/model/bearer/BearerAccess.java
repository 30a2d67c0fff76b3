package io.gatehouse.model.bearer;

import io.gatehouse.model.client.OperatorClient;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.token.AccessTokenValidator;
import io.gatehouse.model.token.AccessTokenValidator.InvalidAccessTokenException;
import io.gatehouse.model.token.AccessTokenValidator.ValidatedAccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Access to a Gatehouse protected resource (the operators' commands, the admin API): the request's access token
 * (RFC 6750 2), valid and unrevoked (RFC 9068 4, {@link AccessTokenValidator}), of an enabled client and, when it
 * carries one, an enabled end-user, granted the resource's scope, and of an {@link OperatorClient}; otherwise a {@link BearerChallenge}
 * (no token: 401 with a bare challenge; 401 invalid_token; 403 insufficient_scope, RFC 6750 3.1).
 */
@ApplicationScoped
public class BearerAccess {

    @Inject
    AccessTokenValidator validator;
    @Inject
    EntityManager em;
    @Inject
    io.gatehouse.model.config.GatehouseConfig config;

    @Transactional
    public ValidatedAccessToken require(List<String> authorization, List<String> formTokens, List<String> queryTokens,
                                        String scope) {
        String token = BearerTokenExtraction.extract(authorization, formTokens, queryTokens);
        ValidatedAccessToken validated;
        try {
            validated = validator.validate(token);
        } catch (InvalidAccessTokenException e) {
            throw BearerChallenge.invalidToken(e.getMessage());
        }
        if (!validated.isFor(config.issuer())) {
            throw BearerChallenge.invalidToken("the access token is not meant for this resource"); // RFC 9068 4
        }
        if (validated.jkt() != null) {
            // RFC 9449 7.2: never accepted as a bearer token; the operators' API takes bearer tokens only.
            throw BearerChallenge.invalidToken("DPoP-bound access tokens are not accepted here");
        }
        ClientEntity client = em.find(ClientEntity.class, validated.clientId());
        if (client == null || !client.enabled) {
            throw BearerChallenge.invalidToken("the access token's client is not active");
        }
        if (!validated.sub().equals(validated.clientId())) {
            UserEntity user = user(validated.sub());
            if (user == null || !user.enabled) {
                throw BearerChallenge.invalidToken("the access token's end-user is not active");
            }
        }
        if (!validated.hasScope(scope)) {
            throw BearerChallenge.insufficientScope(scope, "the access token was not granted the " + scope + " scope");
        }
        if (!OperatorClient.holds(client, scope)) {
            // RFC 6750 3.1: the resource needs more than this token's client may hold (issue 16.11).
            throw BearerChallenge.insufficientScope(scope, "the access token's client is not an operator client");
        }
        return validated;
    }

    private UserEntity user(String sub) {
        try {
            return em.find(UserEntity.class, UUID.fromString(sub));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
