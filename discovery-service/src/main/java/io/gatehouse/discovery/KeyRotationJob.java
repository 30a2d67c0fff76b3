package io.gatehouse.discovery;

import io.gatehouse.model.job.ScheduledJobs;
import io.gatehouse.model.keys.KeyCache;
import io.gatehouse.model.keys.KeyEncryption;
import io.gatehouse.model.keys.KeyRotation;
import io.gatehouse.model.keys.KeysConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The signing-key lifecycle in discovery-service. At start: the key-encryption key and the rotation periods are
 * checked (a missing or malformed key-encryption key outside development mode, or periods that make no sense,
 * stop the start), every algorithm gets its active key, and the stored keys must decrypt with the key-encryption
 * key. Then every {@code gatehouse.keys.rotation.check-interval} each replica tries the key-table lock and, if it
 * gets it, applies the transitions that are due.
 */
@ApplicationScoped
public class KeyRotationJob {

    private static final Logger LOG = Logger.getLogger(KeyRotationJob.class);

    @Inject
    ScheduledJobs jobs;
    @Inject
    KeyRotation rotation;
    @Inject
    KeyEncryption encryption;
    @Inject
    KeyCache cache;
    @Inject
    KeysConfig config;

    void onStart(@Observes StartupEvent event) {
        encryption.ready();
        rotation.policy();
        try {
            rotation.rotateDue(Instant.now(), true);
            cache.refresh();
        } catch (RuntimeException e) {
            // The database may not be up yet: the schedule retries, verifiers create keys on demand.
            LOG.errorf("signing keys could not be checked at start (%s); retrying on schedule", e.getMessage());
            return;
        }
        // Throws, stopping the start, when the key-encryption key is not the one the keys were stored under.
        cache.checkDecryptable();
    }

    @Scheduled(every = "${gatehouse.keys.rotation.check-interval:10m}", delayed = "${gatehouse.keys.rotation.check-interval:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!config.rotation().enabled()) {
            return;
        }
        jobs.run("key rotation", () -> {
            KeyRotation.Outcome outcome = rotation.rotateDue(Instant.now(), false);
            if (!outcome.locked()) {
                LOG.debug("key rotation skipped: another replica holds the key-table lock");
            }
        });
    }
}
