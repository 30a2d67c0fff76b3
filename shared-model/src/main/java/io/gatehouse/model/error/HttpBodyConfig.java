package io.gatehouse.model.error;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a client may take to send a request body once its headers are in. */
@ConfigMapping(prefix = "gatehouse.http")
public interface HttpBodyConfig {

    /**
     * From the end of the headers to the end of the body ({@code GATEHOUSE_HTTP_BODY_TIMEOUT}). A body that is not
     * complete by then (a truncated chunked body, a Content-Length never reached, a client trickling bytes) is
     * answered with 408 and the connection closed (RFC 9110 15.5.9). Default 10 s.
     */
    @WithDefault("10s")
    Duration bodyTimeout();
}
