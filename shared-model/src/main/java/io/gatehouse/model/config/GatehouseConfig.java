package io.gatehouse.model.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Settings every Gatehouse service reads. Each member documents its default; every default is safe
 * for a local run and is overridden in production through environment variables
 * (for example {@code GATEHOUSE_ISSUER}, {@code GATEHOUSE_URLS_TOKEN}).
 */
@ConfigMapping(prefix = "gatehouse")
public interface GatehouseConfig {

    /**
     * The issuer identifier (OIDC Discovery 1.0 section 3, RFC 8414 section 2): https URL, no query or
     * fragment, no trailing slash. Default {@code http://localhost:8084}, the local discovery service.
     */
    @WithDefault("http://localhost:8084")
    String issuer();

    /** Public base URL of each service; behind an ingress every one of them equals the issuer. */
    PublicUrls urls();

    /**
     * Local development mode: allows a generated key-encryption key and cookies without the
     * {@code Secure} flag. Default {@code false}; the launcher switches it on for local runs.
     */
    @WithDefault("false")
    boolean devMode();

    /** Import of clients and users at start. */
    Bootstrap bootstrap();

    interface PublicUrls {
        /** Default {@code http://localhost:8081}. */
        @WithDefault("http://localhost:8081")
        String authorize();

        /** Default {@code http://localhost:8082}. */
        @WithDefault("http://localhost:8082")
        String token();

        /** Default {@code http://localhost:8083}. */
        @WithDefault("http://localhost:8083")
        String userinfo();

        /** Default {@code http://localhost:8084}. */
        @WithDefault("http://localhost:8084")
        String discovery();
    }

    interface Bootstrap {
        /**
         * Path of a JSON or YAML file with clients and users to import (idempotently) at start.
         * Default: none. Only the authorize service, which owns clients and users, should set it.
         */
        Optional<String> file();
    }
}
