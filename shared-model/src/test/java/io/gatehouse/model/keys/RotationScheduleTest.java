package io.gatehouse.model.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.config.TokensConfig;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.keys.KeyTransition.Activate;
import io.gatehouse.model.keys.KeyTransition.Create;
import io.gatehouse.model.keys.KeyTransition.Delete;
import io.gatehouse.model.keys.KeyTransition.Retire;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The key lifecycle: next -> active -> retired -> deleted, with the configured periods. */
class RotationScheduleTest {

    private static final RotationPolicy POLICY = new RotationPolicy(Duration.ofDays(30), Duration.ofDays(1),
            Duration.ofMinutes(70));
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Set<JwsAlgorithm> RS = Set.of(JwsAlgorithm.RS256);

    private static KeyRecord key(String kid, KeyState state, Instant created, Instant activated, Instant deleteAfter) {
        return new KeyRecord(kid, JwsAlgorithm.RS256, state, created, activated, deleteAfter);
    }

    private static List<KeyTransition> due(List<KeyRecord> keys, Instant now) {
        return RotationSchedule.due(keys, RS, POLICY, now);
    }

    @Test
    void emptyTableGetsOneActiveKeyPerAlgorithm() {
        List<KeyTransition> due = RotationSchedule.due(List.of(), List.of(JwsAlgorithm.RS256, JwsAlgorithm.ES256), POLICY, T0);
        assertEquals(List.of(new Create(JwsAlgorithm.RS256, KeyState.ACTIVE), new Create(JwsAlgorithm.ES256, KeyState.ACTIVE)), due);
    }

    @Test
    void freshActiveKeyNeedsNothing() {
        assertEquals(List.of(), due(List.of(key("a", KeyState.ACTIVE, T0, T0, null)), T0.plus(Duration.ofDays(28))));
    }

    @Test
    void nextKeyIsCreatedOnePublishAheadPeriodBeforeTheActiveKeyExpires() {
        List<KeyRecord> keys = List.of(key("a", KeyState.ACTIVE, T0, T0, null));
        assertEquals(List.of(), due(keys, T0.plus(Duration.ofDays(29)).minusSeconds(1)));
        assertEquals(List.of(new Create(JwsAlgorithm.RS256, KeyState.NEXT)), due(keys, T0.plus(Duration.ofDays(29))));
    }

    @Test
    void nextKeyIsNotActivatedBeforeTheActiveLifetimeEnds() {
        Instant nextCreated = T0.plus(Duration.ofDays(29));
        List<KeyRecord> keys = List.of(key("a", KeyState.ACTIVE, T0, T0, null), key("n", KeyState.NEXT, nextCreated, null, null));
        assertEquals(List.of(), due(keys, T0.plus(Duration.ofDays(30)).minusSeconds(1)));
    }

    @Test
    void atTheEndOfItsLifetimeTheActiveKeyIsRetiredBeforeTheNextOneIsActivated() {
        Instant nextCreated = T0.plus(Duration.ofDays(29));
        List<KeyRecord> keys = List.of(key("a", KeyState.ACTIVE, T0, T0, null), key("n", KeyState.NEXT, nextCreated, null, null));
        assertEquals(List.of(new Retire("a", JwsAlgorithm.RS256), new Activate("n", JwsAlgorithm.RS256)),
                due(keys, T0.plus(Duration.ofDays(30))));
    }

    @Test
    void nextKeyPublishedTooRecentlyWaitsUntilVerifiersCanHaveFetchedIt() {
        // The service was down when the next key was due: it is created late and must still be published a day first.
        Instant late = T0.plus(Duration.ofDays(40));
        List<KeyRecord> keys = List.of(key("a", KeyState.ACTIVE, T0, T0, null), key("n", KeyState.NEXT, late, null, null));
        assertEquals(List.of(), due(keys, late.plus(Duration.ofHours(23))));
        assertEquals(List.of(new Retire("a", JwsAlgorithm.RS256), new Activate("n", JwsAlgorithm.RS256)),
                due(keys, late.plus(Duration.ofDays(1))));
        assertEquals(List.of(new Create(JwsAlgorithm.RS256, KeyState.NEXT)),
                due(List.of(key("a", KeyState.ACTIVE, T0, T0, null)), late), "an overdue key first gets its successor");
    }

    @Test
    void withoutAnActiveKeyTheOldestNextKeyIsActivatedAtOnce() {
        List<KeyRecord> keys = List.of(key("n2", KeyState.NEXT, T0.plusSeconds(5), null, null),
                key("n1", KeyState.NEXT, T0, null, null));
        assertEquals(List.of(new Activate("n1", JwsAlgorithm.RS256)), due(keys, T0.plusSeconds(10)));
    }

    @Test
    void retiredAndRevokedKeysAreDeletedOnceTheirRetentionHasPassed() {
        Instant now = T0.plus(Duration.ofDays(2));
        List<KeyRecord> keys = List.of(key("a", KeyState.ACTIVE, T0, T0, null),
                key("old", KeyState.RETIRED, T0, T0, now.minusSeconds(1)),
                key("kept", KeyState.RETIRED, T0, T0, now.plusSeconds(1)),
                key("bad", KeyState.REVOKED, T0, T0, now));
        assertEquals(List.of(new Delete("bad", JwsAlgorithm.RS256), new Delete("old", JwsAlgorithm.RS256)), due(keys, now));
    }

    @Test
    void algorithmThatStillHasAnActiveKeyKeepsRotatingAfterItLeavesTheConfiguration() {
        List<KeyRecord> keys = List.of(key("a", KeyState.ACTIVE, T0, T0, null),
                new KeyRecord("p", JwsAlgorithm.PS256, KeyState.ACTIVE, T0, T0, null));
        List<KeyTransition> due = due(keys, T0.plus(Duration.ofDays(29)));
        assertTrue(due.contains(new Create(JwsAlgorithm.PS256, KeyState.NEXT)));
    }

    @Test
    void rotationPeriodsThatCouldLetAVerifierMissAKeyAreRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> new RotationPolicy(Duration.ofDays(30), Duration.ofSeconds(300),
                Duration.ofHours(1)), "publish-ahead must exceed the JWKS max-age");
        assertThrows(IllegalStateException.class, () -> new RotationPolicy(Duration.ofDays(1), Duration.ofDays(1),
                Duration.ofHours(1)), "the active lifetime must exceed publish-ahead");
    }

    @Test
    void retiredKeysAreKeptForTheLongestTokenLifetimePlusTheMargin() {
        TokensConfig tokens = new TokensConfig() {
            public Duration accessTokenLifetime() {
                return Duration.ofMinutes(10);
            }

            public JwsAlgorithm accessTokenAlg() {
                return JwsAlgorithm.RS256;
            }

            public Duration idTokenLifetime() {
                return Duration.ofMinutes(45);
            }

            public Duration authorizationCodeLifetime() {
                return Duration.ofSeconds(60);
            }
        };
        KeysConfig.Rotation rotation = new KeysConfig.Rotation() {
            public boolean enabled() {
                return true;
            }

            public Duration activeLifetime() {
                return Duration.ofDays(30);
            }

            public Duration publishAhead() {
                return Duration.ofDays(1);
            }

            public Duration retentionMargin() {
                return Duration.ofHours(1);
            }

            public Duration checkInterval() {
                return Duration.ofMinutes(10);
            }
        };
        assertEquals(Duration.ofMinutes(105), RotationPolicy.of(rotation, tokens).retention());
    }
}
