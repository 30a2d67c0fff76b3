package io.gatehouse.authorize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request objects by value or by reference ({@code gatehouse.authorization.request-object.*}, OIDC Core 6, RFC 9101). */
@ConfigMapping(prefix = "gatehouse.authorization.request-object")
public interface RequestObjectConfig {

    /**
     * Accept unsigned ({@code alg: none}) request objects from clients that registered no
     * {@code request_object_signing_alg} ({@code GATEHOUSE_AUTHORIZATION_REQUEST_OBJECT_UNSIGNED_WITHOUT_REGISTRATION}).
     * Default {@code false}: only a client that registered {@code none} may send them. OIDC Registration 2's default
     * allows any algorithm, and the OpenID Foundation's dynamic plan ({@code oidcc-request-uri-unsigned}) registers
     * clients without one: a deployment certified under that plan sets this to {@code true}. A client with
     * {@code require_signed_request_object} never may.
     */
    @WithDefault("false")
    boolean unsignedWithoutRegistration();
}
