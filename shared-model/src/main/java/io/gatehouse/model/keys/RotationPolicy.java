package io.gatehouse.model.keys;

import io.gatehouse.model.config.TokensConfig;
import io.gatehouse.model.discovery.ProviderMetadata;
import java.time.Duration;

/**
 * The periods of automatic rotation, checked for sense: a key signs for {@code activeLifetime}; its successor is
 * published {@code publishAhead} before (longer than any JWKS cache may hold the old set); a retired key stays
 * published for {@code retention}, the longest token lifetime plus a margin, then is deleted.
 */
public record RotationPolicy(Duration activeLifetime, Duration publishAhead, Duration retention) {

    public RotationPolicy {
        if (publishAhead.compareTo(ProviderMetadata.CACHE_MAX_AGE) <= 0) {
            throw new IllegalStateException("gatehouse.keys.rotation.publish-ahead (" + publishAhead
                    + ") must be longer than the JWKS cache max-age (" + ProviderMetadata.CACHE_MAX_AGE
                    + "), or verifiers would meet tokens signed by a key they have not fetched");
        }
        if (activeLifetime.compareTo(publishAhead) <= 0) {
            throw new IllegalStateException("gatehouse.keys.rotation.active-lifetime (" + activeLifetime
                    + ") must be longer than gatehouse.keys.rotation.publish-ahead (" + publishAhead + ")");
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalStateException("the retention of retired keys must be positive");
        }
    }

    /** From configuration: retention = max(access token, ID token lifetime) + margin. */
    public static RotationPolicy of(KeysConfig.Rotation rotation, TokensConfig tokens) {
        if (rotation.retentionMargin().isNegative()) {
            throw new IllegalStateException("gatehouse.keys.rotation.retention-margin must not be negative");
        }
        Duration longestToken = tokens.accessTokenLifetime().compareTo(tokens.idTokenLifetime()) >= 0
                ? tokens.accessTokenLifetime() : tokens.idTokenLifetime();
        return new RotationPolicy(rotation.activeLifetime(), rotation.publishAhead(),
                longestToken.plus(rotation.retentionMargin()));
    }
}
