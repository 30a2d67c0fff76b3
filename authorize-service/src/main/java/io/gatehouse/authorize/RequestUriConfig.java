package io.gatehouse.authorize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Request objects passed by reference ({@code gatehouse.authorization.request-uri.*}, OIDC Core 6.2, RFC 9101 5.2):
 * the authorization endpoint fetches the document at a client's {@code request_uri}. PAR's own
 * {@code urn:ietf:params:oauth:request_uri:} values (RFC 9126) are not fetched and not governed by these settings.
 */
@ConfigMapping(prefix = "gatehouse.authorization.request-uri")
public interface RequestUriConfig {

    /**
     * Whether request_uri values that are URLs are fetched. Default {@code true}: OIDC Core 15.2 requires it of
     * dynamic OPs. When false such values get {@code request_uri_not_supported} (OIDC Core 6.4); discovery still
     * says {@code request_uri_parameter_supported: true}, since it is generated from the shared registry.
     */
    @WithDefault("true")
    boolean enabled();

    /** Connect timeout and whole-request timeout of one fetch. Default 5 seconds (the user's browser is waiting). */
    @WithDefault("5s")
    Duration timeout();

    /** The largest request object document accepted, in bytes. Default 64 KiB (a JWS is at most that, see Jws). */
    @WithDefault("65536")
    int maxBytes();

    /**
     * Allow request_uri hosts that resolve to loopback, private or otherwise internal addresses. Default
     * {@code false} (no server-side request forgery into the cluster, RFC 9101 10.4.1); tests allow it.
     */
    @WithDefault("false")
    boolean allowInternalAddresses();

    /**
     * Allow plain {@code http} request_uri values. Default {@code false}: the request object may carry the nonce and
     * claims in clear (OIDC Core 6.2 expects https); tests and development allow it.
     */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Let clients that registered no {@code request_uris} use any request_uri URL. Default {@code false}: only a
     * registered URL (compared without its fragment) is fetched (OIDC Registration 2, Discovery 3
     * {@code require_request_uri_registration}, which discovery keeps saying is true).
     */
    @WithDefault("false")
    boolean allowUnregistered();
}
