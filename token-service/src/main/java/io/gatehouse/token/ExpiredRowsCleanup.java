package io.gatehouse.token;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.gatehouse.model.job.ScheduledJobs;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Deletes rows of token-service's tables that can no longer matter: client assertion jtis and access-token
 * revocations past their expiry (the tokens they guard have expired too), and refresh tokens and device codes expired
 * for a day.
 * Runs in every replica; a transaction-scoped advisory lock lets one act at a time (DESIGN.md "Singletons").
 */
@ApplicationScoped
public class ExpiredRowsCleanup {

    private static final Logger LOG = Logger.getLogger(ExpiredRowsCleanup.class);
    static final long LOCK = 0x67617465746bL; // "gatetk"

    @Inject
    ScheduledJobs jobs;
    @Inject
    EntityManager em;

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        jobs.run("expiry clean-up", () -> {
            int deleted = deleteExpired();
            if (deleted > 0) {
                LOG.debugf("deleted %d expired rows", deleted);
            }
        });
    }

    /** Deletes the expired rows; returns how many (0 when another replica holds the lock). */
    public int deleteExpired() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(" + LOCK + ")").getSingleResult())) {
                return 0;
            }
            return em.createNativeQuery("delete from client_assertion_jtis where expires_at < now()").executeUpdate()
                    + em.createNativeQuery("delete from dpop_proof_jtis where expires_at < now()").executeUpdate()
                    + em.createNativeQuery("delete from revocations where expires_at < now()").executeUpdate()
                    + em.createNativeQuery("delete from refresh_tokens where expires_at < now() - interval '1 day'").executeUpdate()
                    + em.createNativeQuery("delete from device_codes where expires_at < now() - interval '1 day'").executeUpdate();
        });
    }
}
