package io.gatehouse.authorize;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.gatehouse.model.job.ScheduledJobs;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes what the authorization endpoint no longer needs: pending and pushed requests an hour after they expired,
 * and old login failures. Safe in every replica at once (plain deletes of expired rows).
 */
@ApplicationScoped
public class Cleanup {

    @Inject
    ScheduledJobs jobs;
    @Inject
    EntityManager em;
    @Inject
    LoginThrottle throttle;

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        jobs.run("authorization request clean-up", this::deleteExpired);
    }

    @Transactional
    void deleteExpired() {
        em.createNativeQuery("delete from authorization_requests where expires_at < ?1")
                .setParameter(1, Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).executeUpdate();
        em.createNativeQuery("delete from pushed_requests where expires_at < ?1")
                .setParameter(1, Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).executeUpdate();
        throttle.forgetOld();
    }
}
