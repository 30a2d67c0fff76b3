package io.gatehouse.authorize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** SSO sessions ({@code gatehouse.session.*}): the {@code GH_SESSION} cookie and its row in {@code sessions}. */
@ConfigMapping(prefix = "gatehouse.session")
public interface SessionConfig {

    /** A session not used for this long ends (idle limit). Default 30 minutes. */
    @WithDefault("30m")
    Duration idleTimeout();

    /** A session ends this long after the last login at the latest (absolute limit). Default 10 hours. */
    @WithDefault("10h")
    Duration absoluteLifetime();

    /**
     * How often the expiry job looks for sessions past either limit that were never logged out, ends them and queues
     * their back-channel logout notices (one replica at a time). Default 1 minute.
     */
    @WithDefault("1m")
    Duration expiryCheckInterval();
}
