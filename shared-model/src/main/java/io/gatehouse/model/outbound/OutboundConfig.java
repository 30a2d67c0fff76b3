package io.gatehouse.model.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Outbound fetches ({@code gatehouse.outbound.*}), shared by every purpose ({@link OutboundFetch}). */
@ConfigMapping(prefix = "gatehouse.outbound")
public interface OutboundConfig {

    /** TCP connect timeout of one outbound call (each purpose also has its total deadline). Default 2 seconds. */
    @WithDefault("2s")
    Duration connectTimeout();
}
