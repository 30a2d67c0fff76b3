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
     * Allow jwks_uri addresses that resolve to loopback, private or otherwise internal addresses. Default
     * {@code false} (no server-side request forgery into the cluster); tests allow it.
     */
    @WithDefault("false")
    boolean allowInternalJwksUri();
}
