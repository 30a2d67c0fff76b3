package io.gatehouse.authorize.admin;

import io.gatehouse.model.bearer.BearerChallenge;
import io.gatehouse.model.bearer.BearerTokenExtraction;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.token.AccessTokenValidator;
import io.gatehouse.model.token.AccessTokenValidator.InvalidAccessTokenException;
import io.gatehouse.model.token.AccessTokenValidator.ValidatedAccessToken;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The admin API is a resource server like any other (RFC 6750): a Gatehouse access token (RFC 9068, verified
 * locally with its grant and jti revocation) of an enabled client, for an enabled user when it carries one, with
 * the {@value #SCOPE} scope. No token: 401 with a bare {@code Bearer} challenge; a bad, revoked or expired token,
 * or one of a disabled client or user: 401 {@code invalid_token}; another scope: 403 {@code insufficient_scope}.
 */
@ApplicationScoped
public class AdminAccess {

    /** The scope of operators' access tokens. */
    public static final String SCOPE = "gatehouse:admin";

    @Inject
    AccessTokenValidator validator;
    @Inject
    EntityManager em;
    @Inject
    HttpServerRequest request;

    /** The caller of the current request, or the RFC 6750 challenge that refuses it. */
    @Transactional
    public AdminCaller require() {
        String token = BearerTokenExtraction.extract(request.headers().getAll("Authorization"), java.util.List.of(),
                request.params().getAll("access_token"));
        ValidatedAccessToken t;
        try {
            t = validator.validate(token);
        } catch (InvalidAccessTokenException e) {
            throw BearerChallenge.invalidToken(e.getMessage());
        }
        ClientEntity client = em.find(ClientEntity.class, t.clientId());
        if (client == null || !client.enabled) {
            throw BearerChallenge.invalidToken("the access token's client is not active");
        }
        if (!t.sub().equals(t.clientId())) {
            UserEntity user = user(t.sub());
            if (user == null || !user.enabled) {
                throw BearerChallenge.invalidToken("the access token's end-user is not active");
            }
        }
        if (!t.hasScope(SCOPE)) {
            throw BearerChallenge.insufficientScope(SCOPE, "the access token was not granted the " + SCOPE + " scope");
        }
        return new AdminCaller(t.clientId(), t.sub(), request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
    }

    private UserEntity user(String sub) {
        try {
            return em.find(UserEntity.class, UUID.fromString(sub));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
