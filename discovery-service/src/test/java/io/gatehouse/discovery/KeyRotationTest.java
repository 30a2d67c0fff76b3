package io.gatehouse.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.keys.KeyCache;
import io.gatehouse.model.keys.KeyRotation;
import io.gatehouse.model.keys.KeyTransition;
import io.gatehouse.model.keys.SigningKeyStore;
import io.gatehouse.model.keys.TokenSigner;
import io.gatehouse.model.keys.TokenVerifier;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class KeyRotationTest {

    @Inject
    KeyRotation rotation;
    @Inject
    KeyCache cache;
    @Inject
    TokenSigner signer;
    @Inject
    TokenVerifier verifier;
    @Inject
    KeyFixtures fixtures;
    @Inject
    DataSource dataSource;

    /** Brings RS256 to the moment its active key must hand over: a next key published for a day, lifetime over. */
    private void makeRotationDue() {
        rotation.rotateNow(Optional.of(JwsAlgorithm.RS256), Optional.empty(), "test");
        fixtures.age(Duration.ofDays(29).plusMinutes(1));
        rotation.rotateDue(Instant.now(), true);
        fixtures.age(Duration.ofDays(1).plusMinutes(1));
    }

    @Test
    void tokenSignedBeforeARotationVerifiesUntilItsRetiredKeyIsDeleted() throws Exception {
        rotation.rotateNow(Optional.of(JwsAlgorithm.RS256), Optional.empty(), "test");
        cache.refresh();
        String token = signer.sign(Map.of("sub", "alice"), "JWT", JwsAlgorithm.RS256);
        String signedBy = fixtures.activeKid(JwsAlgorithm.RS256);

        fixtures.age(Duration.ofDays(29).plusMinutes(1));
        rotation.rotateDue(Instant.now(), true);
        String next = fixtures.kids("alg = 'RS256' and state = 'next'").get(0);
        cache.refresh();
        assertTrue(KeyFixtures.publishedKids().contains(next), "the successor is published before it signs");
        assertEquals(signedBy, verifier.verify(signer.sign(Map.of("sub", "bob"), "JWT", JwsAlgorithm.RS256)).kid(),
                "the old key still signs until its lifetime ends");

        fixtures.age(Duration.ofDays(1).plusMinutes(1));
        rotation.rotateDue(Instant.now(), true);
        cache.refresh();
        assertEquals("retired", fixtures.state(signedBy));
        assertEquals(next, fixtures.activeKid(JwsAlgorithm.RS256));
        assertEquals(next, verifier.verify(signer.sign(Map.of("sub", "bob"), "JWT", JwsAlgorithm.RS256)).kid());
        assertEquals("alice", verifier.verify(token).claims().get("sub"), "a token of the retired key still verifies");
        assertTrue(KeyFixtures.publishedKids().contains(signedBy));

        fixtures.age(rotation.policy().retention().plusMinutes(1));
        rotation.rotateDue(Instant.now(), true);
        cache.refresh();
        assertEquals(null, fixtures.state(signedBy), "deleted once every token it signed has expired");
        assertFalse(KeyFixtures.publishedKids().contains(signedBy));
        assertThrows(InvalidJwsException.class, () -> verifier.verify(token));
    }

    @Test
    void twoRotatorsRunningAtOnceRotateExactlyOnce() throws Exception {
        makeRotationDue();
        String before = fixtures.activeKid(JwsAlgorithm.RS256);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<KeyRotation.Outcome>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return rotation.rotateDue(Instant.now(), false);
                }));
            }
            List<KeyRotation.Outcome> outcomes = new ArrayList<>();
            for (Future<KeyRotation.Outcome> run : runs) {
                outcomes.add(run.get());
            }
            assertEquals(1, outcomes.stream().filter(KeyRotation.Outcome::changed).count(), outcomes.toString());
            KeyRotation.Outcome done = outcomes.stream().filter(KeyRotation.Outcome::changed).findFirst().orElseThrow();
            assertEquals(1, done.applied().stream().filter(t -> t instanceof KeyTransition.Retire r && r.kid().equals(before)).count());
        } finally {
            pool.shutdownNow();
        }
        assertEquals("retired", fixtures.state(before));
        assertNotEquals(before, fixtures.activeKid(JwsAlgorithm.RS256));
        assertEquals(1, fixtures.count("alg = 'RS256' and state = 'active'"));
        assertEquals(List.of(), rotation.rotateDue(Instant.now(), true).applied(), "nothing is left to do");
    }

    @Test
    void rotationIsSkippedWhileAnotherReplicaHoldsTheKeyTableLock() throws Exception {
        makeRotationDue();
        String before = fixtures.activeKid(JwsAlgorithm.RS256);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + SigningKeyStore.KEY_TABLE_LOCK + ")");
            }
            KeyRotation.Outcome skipped = rotation.rotateDue(Instant.now(), false);
            assertFalse(skipped.locked());
            assertEquals(before, fixtures.activeKid(JwsAlgorithm.RS256));
            other.rollback();
        }
        KeyRotation.Outcome rotated = rotation.rotateDue(Instant.now(), false);
        assertTrue(rotated.locked() && rotated.changed());
        assertEquals("retired", fixtures.state(before));
    }

    @Test
    void aSecondActiveKeyForOneAlgorithmIsRefusedByTheDatabase() {
        String old = fixtures.activeKid(JwsAlgorithm.ES256);
        rotation.rotateNow(Optional.of(JwsAlgorithm.ES256), Optional.empty(), "test");
        assertEquals("retired", fixtures.state(old));
        assertThrows(RuntimeException.class, () -> fixtures.setState(old, "active"));
        assertEquals(1, fixtures.count("alg = 'ES256' and state = 'active'"));
    }
}
