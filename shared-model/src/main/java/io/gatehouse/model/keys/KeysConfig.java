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

    /** How often the in-memory key cache re-reads the key table without being told. Default 30 s. */
    @WithDefault("30s")
    Duration cacheRefresh();
}
