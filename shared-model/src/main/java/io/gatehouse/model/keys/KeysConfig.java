package io.gatehouse.model.keys;

import io.gatehouse.model.jose.JwsAlgorithm;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Signing keys: encryption at rest, algorithms and caching. */
@ConfigMapping(prefix = "gatehouse.keys")
public interface KeysConfig {

    /**
     * Key-encryption key: 32 random bytes, base64 ({@code GATEHOUSE_KEYS_ENCRYPTION_KEY}; a Kubernetes Secret in
     * production). Private signing keys are stored AES-256-GCM encrypted under it. Required outside development
     * mode: a service that signs or rotates refuses to start without it. No default.
     */
    Optional<String> encryptionKey();

    /** Algorithms with an active key (one each). Default: RS256, PS256, ES256, EdDSA. RS256 is always included. */
    @WithDefault("RS256,PS256,ES256,EdDSA")
    List<JwsAlgorithm> algorithms();

    /**
     * How often the in-memory key cache re-reads the key table without being told: the fallback to the
     * {@code NOTIFY gatehouse_keys} that every key change sends. Default 30 s.
     */
    @WithDefault("30s")
    Duration cacheRefresh();

    /** Automatic rotation (discovery-service; one replica at a time under a PostgreSQL advisory lock). */
    Rotation rotation();

    interface Rotation {
        /** Whether discovery-service rotates keys on schedule. Default true. Emergency rotation works either way. */
        @WithDefault("true")
        boolean enabled();

        /** How long a key signs before its successor takes over. Default 30 days. */
        @WithDefault("30d")
        Duration activeLifetime();

        /**
         * How long a successor ({@code next}) key is published in the JWKS before it signs. Must exceed the JWKS
         * cache max-age (300 s) so that every verifier has it before the first token it signs. Default 1 day.
         */
        @WithDefault("1d")
        Duration publishAhead();

        /**
         * Added to the longest token lifetime (access token, ID token) to give how long a retired key stays in the
         * JWKS before it is deleted. Default 1 hour.
         */
        @WithDefault("1h")
        Duration retentionMargin();

        /** How often each discovery-service replica checks whether a transition is due. Default 10 minutes. */
        @WithDefault("10m")
        Duration checkInterval();
    }
}
