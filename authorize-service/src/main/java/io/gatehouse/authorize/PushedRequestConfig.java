package io.gatehouse.authorize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Pushed authorization requests ({@code gatehouse.par.*}, RFC 9126). */
@ConfigMapping(prefix = "gatehouse.par")
public interface PushedRequestConfig {

    /**
     * How long a pushed request's request_uri may be used at the authorization endpoint (RFC 9126 2.2 expires_in).
     * Default 60 seconds: the client redirects the user at once; RFC 9126 2.2 suggests 5 to 600 seconds.
     */
    @WithDefault("60s")
    Duration requestLifetime();
}
