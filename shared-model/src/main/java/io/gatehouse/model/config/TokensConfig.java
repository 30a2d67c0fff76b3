package io.gatehouse.model.config;

import io.gatehouse.model.jose.JwsAlgorithm;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Lifetimes and formats of the tokens every service issues or checks. */
@ConfigMapping(prefix = "gatehouse.tokens")
public interface TokensConfig {

    /** Access token lifetime (expires_in). Default 10 minutes: short, so the jti deny-list stays small. */
    @WithDefault("10m")
    Duration accessTokenLifetime();

    /** Signing algorithm of access tokens (RFC 9068). Default RS256, which every resource server can verify. */
    @WithDefault("RS256")
    JwsAlgorithm accessTokenAlg();

    /** ID token lifetime. Default 10 minutes. */
    @WithDefault("10m")
    Duration idTokenLifetime();

    /** Authorization code lifetime (RFC 6749 4.1.2 recommends at most 10 minutes). Default 60 seconds. */
    @WithDefault("60s")
    Duration authorizationCodeLifetime();
}
