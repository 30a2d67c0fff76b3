package io.gatehouse.authorize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Throttling of failed logins ({@code gatehouse.login.*}): after the free attempts, each further failure makes
 * the next attempt wait twice as long as the one before, from {@code initial-delay} up to {@code max-delay}.
 */
@ConfigMapping(prefix = "gatehouse.login")
public interface LoginConfig {

    /** Failed attempts per account (username, existing or not) before delays start. Default 5. */
    @WithDefault("5")
    int accountFreeAttempts();

    /** Failed attempts per source address before delays start. Default 20 (several users may share an address). */
    @WithDefault("20")
    int addressFreeAttempts();

    /** The first delay. Default 1 second. */
    @WithDefault("1s")
    Duration initialDelay();

    /** The longest delay. Default 15 minutes. */
    @WithDefault("15m")
    Duration maxDelay();

    /** Failures older than this are forgotten. Default 1 hour. */
    @WithDefault("1h")
    Duration forgetAfter();
}
