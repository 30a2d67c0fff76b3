package io.gatehouse.model.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How batched audit events are written ({@code gatehouse.audit.*}); docs/architecture.md "Audit". */
@ConfigMapping(prefix = "gatehouse.audit")
public interface AuditConfig {

    /** Longest time a batched event waits before its batch is written. */
    @WithDefault("200ms")
    Duration flushInterval();

    /** Events waiting to be written at most; beyond, a request waits up to a second for room. */
    @WithDefault("10000")
    int queueCapacity();
}
