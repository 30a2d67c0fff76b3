package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Growing delays after failed logins. */
class ThrottlePolicyTest {

    final ThrottlePolicy policy = new ThrottlePolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void freeAttemptsHaveNoDelayThenItDoublesUpToTheMaximum() {
        assertEquals(Duration.ZERO, policy.delayAfter(0));
        assertEquals(Duration.ZERO, policy.delayAfter(2));
        assertEquals(Duration.ofSeconds(1), policy.delayAfter(3));
        assertEquals(Duration.ofSeconds(2), policy.delayAfter(4));
        assertEquals(Duration.ofSeconds(8), policy.delayAfter(6));
        assertEquals(Duration.ofSeconds(10), policy.delayAfter(7));
        assertEquals(Duration.ofSeconds(10), policy.delayAfter(1000));
    }
}
