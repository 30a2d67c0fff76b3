package io.gatehouse.model.claims;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The attribute-to-claim mapping is read from the {@code claim_mappings} table (docs/claims.md). */
@ConfigMapping(prefix = "gatehouse.claims")
public interface ClaimsConfig {

    /**
     * How often a service re-reads {@code claim_mappings}, so an edited mapping takes effect without a restart.
     * Default 60 s. A mapping that became invalid is logged and the last valid one stays in force.
     */
    @WithDefault("60s")
    Duration mappingRefresh();
}
