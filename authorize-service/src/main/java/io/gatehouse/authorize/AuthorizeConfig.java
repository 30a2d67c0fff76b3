package io.gatehouse.authorize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The authorization endpoint and its pages ({@code gatehouse.authorization.*}). */
@ConfigMapping(prefix = "gatehouse.authorization")
public interface AuthorizeConfig {

    /**
     * Accept PKCE {@code code_challenge_method=plain} (RFC 7636 4.2). Default {@code false}: only S256, as RFC 9700
     * 2.1.1 recommends.
     */
    @WithDefault("false")
    boolean pkcePlainAllowed();

    /**
     * How long a pending authorization request (between the login and consent pages) stays usable. Default 10
     * minutes: enough to type a password, short enough that an abandoned tab does not keep it alive.
     */
    @WithDefault("10m")
    Duration requestLifetime();
}
