package io.gatehouse.model.logout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Back-channel logout delivery (OpenID Connect Back-Channel Logout 1.0). */
@ConfigMapping(prefix = "gatehouse.logout")
public interface LogoutConfig {

    /**
     * Whether this service runs the delivery worker. Default {@code false}; authorize-service, which owns
     * sessions and logout, switches it on. Several replicas may run it: rows are claimed with SKIP LOCKED.
     */
    @WithDefault("false")
    boolean deliveryEnabled();

    /** Connect and response timeout of one delivery attempt. Default 3 s. */
    @WithDefault("3s")
    Duration deliveryTimeout();

    /** Attempts before a delivery is given up. Default 6. */
    @WithDefault("6")
    int maxAttempts();

    /** Delay before the first retry; doubled on each further attempt. Default 2 s. */
    @WithDefault("2s")
    Duration initialBackoff();

    /** Lifetime of a logout token (exp - iat). Default 2 minutes. */
    @WithDefault("2m")
    Duration logoutTokenLifetime();

    /**
     * Allow logout URIs that resolve to loopback, private, link-local or otherwise internal addresses. Default
     * {@code false} (no server-side request forgery into the cluster); local development and tests allow it.
     */
    @WithDefault("false")
    boolean allowInternalAddresses();
}
