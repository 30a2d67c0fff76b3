package io.gatehouse.token.device;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The device authorization grant ({@code gatehouse.device.*}, RFC 8628). */
@ConfigMapping(prefix = "gatehouse.device")
public interface DeviceConfig {

    /**
     * How long the device code and user code may be used (RFC 8628 3.2 expires_in). Default 10 minutes: time to find
     * a phone, open the page and log in; short enough that user codes cannot be guessed (RFC 8628 5.1).
     */
    @WithDefault("10m")
    Duration codeLifetime();

    /**
     * The minimum time between two polls of the token endpoint (RFC 8628 3.2 interval; 3.5 adds 5 s at each
     * slow_down). Default 5 seconds, the RFC's default.
     */
    @WithDefault("5s")
    Duration interval();
}
