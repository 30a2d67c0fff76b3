package io.gatehouse.authorize.admin;

import io.gatehouse.model.bearer.BearerAccess;
import io.gatehouse.model.discovery.Scope;
import io.gatehouse.model.token.AccessTokenValidator.ValidatedAccessToken;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The admin API is a resource server like any other (RFC 6750): a Gatehouse access token (RFC 9068, verified
 * locally with its grant and jti revocation) of an enabled client, for an enabled user when it carries one, with
 * the {@value #SCOPE} scope. No token: 401 with a bare {@code Bearer} challenge; a bad, revoked or expired token,
 * or one of a disabled client or user: 401 {@code invalid_token}; another scope: 403 {@code insufficient_scope}.
 */
@ApplicationScoped
public class AdminAccess {

    /** The scope of operators' access tokens. */
    public static final String SCOPE = Scope.ADMIN;

    @Inject
    BearerAccess access;
    @Inject
    HttpServerRequest request;

    /** The caller of the current request, or the RFC 6750 challenge that refuses it. */
    public AdminCaller require() {
        ValidatedAccessToken t = access.require(request.headers().getAll("Authorization"), List.of(),
                request.params().getAll("access_token"), SCOPE);
        return new AdminCaller(t.clientId(), t.sub(), request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
    }
}
