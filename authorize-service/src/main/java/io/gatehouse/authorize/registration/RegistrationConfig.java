package io.gatehouse.authorize.registration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Dynamic client registration (RFC 7591, RFC 7592, OIDC Registration). The defaults are safe for production:
 * registration needs an initial access token, and none is configured, so nobody can register until an operator
 * adds one or opens registration.
 */
@ConfigMapping(prefix = "gatehouse.registration")
public interface RegistrationConfig {

    /**
     * Open registration: {@code POST /register} needs no initial access token (RFC 7591 3). Default {@code false}.
     * The end-to-end suite and a conformance deployment of the dynamic plan switch it on.
     */
    @WithDefault("false")
    boolean open();

    /**
     * Initial access tokens (RFC 7591 3) that allow a registration when it is not open, given as
     * {@code Sha256.hash} values (base64url of SHA-256, 43 characters), comma-separated; the tokens themselves
     * never appear in configuration. {@code gatehouse-admin registration-token} prints a new token and its hash.
     * Default: none.
     */
    Optional<List<String>> initialAccessTokenHashes();

    /**
     * Scopes a dynamically registered client may register. Default the OpenID Connect scopes:
     * {@code openid,profile,email,address,phone,offline_access}. Operator scopes such as {@code gatehouse:admin}
     * are given only through the admin API.
     */
    @WithDefault("openid,profile,email,address,phone,offline_access")
    List<String> allowedScopes();

    /** Scope registered for a client that sends none. Default {@code openid profile email address phone offline_access}. */
    @WithDefault("openid profile email address phone offline_access")
    String defaultScope();

    /** Connect and response timeout of the sector_identifier_uri fetch (OIDC Registration 5). Default 5 s. */
    @WithDefault("5s")
    Duration sectorIdentifierTimeout();

    /** Largest sector identifier document read, in bytes. Default 65536. */
    @WithDefault("65536")
    int sectorIdentifierMaxBytes();

    /**
     * Allow sector_identifier_uri hosts that resolve to loopback, private or otherwise internal addresses. Default
     * {@code false} (a registrant cannot make Gatehouse call into its own network); tests switch it on.
     */
    @WithDefault("false")
    boolean allowInternalAddresses();
}
