package io.gatehouse.authorize.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds of the JSON documents that dynamic registration ({@code /register}, RFC 7591/7592) and the admin API
 * ({@code /admin}) accept. A client's metadata or a user's attributes fit in a few kilobytes; the general HTTP limit
 * (10 MiB) is far more than either needs.
 */
@ConfigMapping(prefix = "gatehouse.api")
public interface JsonApiConfig {

    /** Largest request body in bytes ({@code GATEHOUSE_API_MAX_BODY_BYTES}); a larger one is 413. Default 65536 (64 KiB). */
    @WithDefault("65536")
    int maxBodyBytes();

    /**
     * Most entries of any one JSON array in such a body, e.g. {@code redirect_uris} or a multi-valued attribute
     * ({@code GATEHOUSE_API_MAX_ARRAY_ITEMS}); a longer one is 400. Default 100.
     */
    @WithDefault("100")
    int maxArrayItems();
}
