package io.gatehouse.token.grant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Refresh tokens (RFC 6749 6, RFC 9700 4.14.2): lifetime and the rotation grace period. */
@ConfigMapping(prefix = "gatehouse.refresh")
public interface RefreshConfig {

    /**
     * Lifetime of each refresh token, counted from its issue (each rotation issues a new one). Default 30 days. Tokens
     * of a grant without offline_access also end with the SSO session they were issued in.
     */
    @WithDefault("30d")
    Duration lifetime();

    /**
     * How long after a rotation the rotated token may be presented once more (a client that lost the response
     * retries): that one retry gets fresh tokens and the unused successor is revoked; further uses inside the period
     * are refused without revoking anything; any use after it revokes the family and the grant. {@code 0s} disables
     * the retry. Default 10 s.
     */
    @WithDefault("10s")
    Duration gracePeriod();
}
