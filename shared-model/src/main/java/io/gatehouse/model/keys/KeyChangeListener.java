package io.gatehouse.model.keys;

import io.gatehouse.model.claims.ClaimMappingSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps every service's {@link KeyCache} and {@link ClaimMappingSource} current: a daemon thread holds one connection
 * of the datasource, runs {@code LISTEN gatehouse_keys} and {@code LISTEN gatehouse_claim_mappings}, and on each
 * notification (sent by {@link SigningKeyStore}, or by the claim_mappings trigger, in the transaction of the change)
 * invalidates what changed; the key cache is re-read at once, so no request waits for the read. Between notifications it
 * refreshes the cache in the background when it is older than {@code gatehouse.keys.cache-refresh}. A lost
 * connection is re-opened with backoff; the cache is invalidated on each reconnection, since notifications sent
 * meanwhile are lost. The cache's own expiry and unknown-kid reload remain the fallback.
 */
@ApplicationScoped
public class KeyChangeListener {

    private static final Logger LOG = Logger.getLogger(KeyChangeListener.class);
    private static final int WAIT_MILLIS = 5_000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;
    @Inject
    KeyCache cache;
    @Inject
    KeysConfig config;
    @Inject
    ClaimMappingSource claimMappings;

    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "gatehouse-key-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing on shutdown
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the LISTEN connection is up (for tests and diagnostics). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                connection = c;
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + SigningKeyStore.CHANNEL);
                    s.execute("LISTEN " + ClaimMappingSource.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                backoff = Duration.ofSeconds(1);
                reload();
                claimMappings.invalidate(); // changes made while not listening were not heard
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        dispatch(notifications);
                    } else {
                        keepFresh(c);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    break;
                }
                cache.invalidate();
                LOG.warnf("key change listener lost its connection (%s); reconnecting in %s s", e.getMessage(),
                        backoff.toSeconds());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    private void dispatch(PGNotification[] notifications) {
        boolean keys = false;
        for (PGNotification n : notifications) {
            if (ClaimMappingSource.CHANNEL.equals(n.getName())) {
                claimMappings.invalidate();
            } else {
                keys = true;
            }
        }
        if (keys) {
            reload();
        }
    }

    private void reload() {
        cache.invalidate();
        try {
            cache.refresh();
        } catch (RuntimeException e) {
            // The next use reads the table itself.
            LOG.debugf("key cache refresh after a change failed: %s", e.getMessage());
        }
    }

    /** Background refresh before the snapshot expires, and a liveness probe of the LISTEN connection. */
    private void keepFresh(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select 1");
        }
        Instant loaded = cache.loadedAt();
        Duration refresh = config.cacheRefresh();
        if (loaded != null && loaded.plus(refresh.dividedBy(2)).isBefore(Instant.now())) {
            try {
                cache.refresh();
            } catch (RuntimeException e) {
                LOG.debugf("background key cache refresh failed: %s", e.getMessage());
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
