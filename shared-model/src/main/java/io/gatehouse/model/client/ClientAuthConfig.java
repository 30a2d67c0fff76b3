package io.gatehouse.model.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Client authentication: how the keys of private_key_jwt clients are fetched from their jwks_uri. */
@ConfigMapping(prefix = "gatehouse.client-auth")
public interface ClientAuthConfig {

    /**
     * How long a client's jwks_uri document is used before it is fetched again. An assertion naming an unknown kid
     * re-fetches at once (at most every few seconds per client), so client key rotation needs no wait. Default 5 min.
     */
    @WithDefault("5m")
    Duration jwksCache();

    /**
     * How long past {@code jwks-cache} the last good jwks_uri document is still used while re-fetching it fails.
     * After that the client's keys are gone until a fetch succeeds (stale keys are not served forever). Default 1 h.
     */
    @WithDefault("1h")
    Duration jwksMaxStale();

    /**
     * The least time between two fetches of one jwks_uri that are not due to expiry: a re-fetch because a JWS names
     * an unknown kid, or a retry after a failed fetch. Default 10 seconds.
     */
    @WithDefault("10s")
    Duration jwksRefetchInterval();

    /** The total deadline of one jwks_uri fetch, a slowly sent body included. Default 5 seconds. */
    @WithDefault("5s")
    Duration jwksTimeout();

    /** The largest jwks_uri document accepted, in bytes. Default 64 KiB. */
    @WithDefault("65536")
    int jwksMaxBytes();

    /**
     * Allow jwks_uri addresses that resolve to loopback, private or otherwise internal addresses. Default
     * {@code false} (no server-side request forgery into the cluster); tests allow it.
     */
    @WithDefault("false")
    boolean allowInternalJwksUri();
}
