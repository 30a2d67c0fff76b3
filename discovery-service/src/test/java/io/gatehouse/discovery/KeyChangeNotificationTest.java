package io.gatehouse.discovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.keys.KeyCache;
import io.gatehouse.model.keys.KeyChangeListener;
import io.gatehouse.model.keys.KeyRotation;
import io.gatehouse.model.keys.KeysConfig;
import io.gatehouse.model.keys.SigningKeyStore;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Key changes reach every cache through PostgreSQL LISTEN/NOTIFY. This module polls the key table only every
 * hour ({@code %test.gatehouse.keys.cache-refresh}), so a change seen sooner was delivered by the notification.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class KeyChangeNotificationTest {

    @Inject
    KeyCache cache;
    @Inject
    KeyRotation rotation;
    @Inject
    KeyChangeListener listener;
    @Inject
    KeysConfig config;
    @Inject
    KeyFixtures fixtures;
    @Inject
    DataSource dataSource;

    @Test
    void keyChangeCommittedThroughTheStoreReachesTheCacheWithoutWaitingForThePoll() {
        assertTrue(config.cacheRefresh().compareTo(Duration.ofMinutes(5)) > 0, "the poll must not explain the test");
        KeyFixtures.await("the listener is connected", listener::listening);
        cache.published();
        String old = fixtures.activeKid(JwsAlgorithm.EdDSA);

        // Another bean, another transaction: the cache is not told directly, only through NOTIFY.
        KeyRotation.EmergencyRotation done = rotation.rotateNow(Optional.empty(), Optional.of(old), "test");
        String fresh = done.activatedKids().get(0);

        KeyFixtures.await("the new key in the cache", () -> cache.published().stream().anyMatch(k -> k.kid().equals(fresh)));
        assertFalse(cache.published().stream().anyMatch(k -> k.kid().equals(old)), "the revoked key left the cache");
        KeyFixtures.await("the JWKS follows", () -> KeyFixtures.publishedKids().contains(fresh));
    }

    @Test
    void everyKeyChangeNotifiesTheChannelWhenItCommits() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + SigningKeyStore.CHANNEL);
            }
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.getNotifications();
            rotation.rotateNow(Optional.of(JwsAlgorithm.PS256), Optional.empty(), "test");
            PGNotification[] received = pg.getNotifications(10_000);
            assertTrue(received != null && received.length > 0, "NOTIFY " + SigningKeyStore.CHANNEL + " after the commit");
        }
    }
}
