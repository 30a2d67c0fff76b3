package io.gatehouse.authorize;

import java.time.Duration;

/**
 * Growing delays after failed logins (RFC 9700 4.x brute force; OWASP Authentication Cheat Sheet): no delay for
 * the first {@code freeAttempts} failures, then {@code initial}, doubling with each failure, at most {@code max}.
 */
public record ThrottlePolicy(int freeAttempts, Duration initial, Duration max) {

    /** How long after the {@code failures}-th failure the next attempt must wait. */
    public Duration delayAfter(int failures) {
        if (failures < freeAttempts) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeAttempts, 30);
        Duration d = initial.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }
}
