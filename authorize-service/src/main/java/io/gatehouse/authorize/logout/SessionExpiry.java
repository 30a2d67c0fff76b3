package io.gatehouse.authorize.logout;

import io.gatehouse.authorize.SessionConfig;
import io.gatehouse.model.logout.SessionTermination;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.gatehouse.model.job.ScheduledJobs;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sessions that expired without a logout (idle for {@code gatehouse.session.idle-timeout}, or past
 * {@code absolute-lifetime}) still have relying parties that believe the user is signed in: this job ends them through
 * {@link SessionTermination}, which marks them ({@code ended_at}) and queues their back-channel logout notices in the
 * same transaction, so each is notified exactly once. It also makes the idle limit visible to token-service, whose
 * refresh tokens without offline_access stop with an ended session. Runs in every replica; a transaction-scoped
 * advisory lock lets one act at a time (DESIGN.md "Singletons").
 */
@ApplicationScoped
public class SessionExpiry {

    private static final Logger LOG = Logger.getLogger(SessionExpiry.class);
    static final long LOCK = 0x676174656c6fL; // "gatelo"
    private static final int BATCH = 100;

    @Inject
    ScheduledJobs jobs;
    @Inject
    EntityManager em;
    @Inject
    SessionConfig config;
    @Inject
    SessionTermination termination;

    @Scheduled(every = "${gatehouse.session.expiry-check-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        jobs.run("session expiry", () -> {
            int ended = endExpired();
            if (ended > 0) {
                LOG.debugf("ended %d expired sessions", ended);
            }
        });
    }

    /** Ends every expired session not ended yet, in batches; returns how many (0 when another replica holds the lock). */
    public int endExpired() {
        int total = 0;
        for (int round = 0; round < 100; round++) {
            int ended = QuarkusTransaction.requiringNew().call(this::endBatch);
            total += ended;
            if (ended < BATCH) {
                break;
            }
        }
        return total;
    }

    private int endBatch() {
        if (!Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(" + LOCK + ")").getSingleResult())) {
            return 0;
        }
        // Rows are locked so a request touching one meanwhile waits; SKIP LOCKED passes over a row being logged out.
        @SuppressWarnings("unchecked")
        List<String> sids = em.createNativeQuery("select sid from sessions where ended_at is null and (expires_at <= now() "
                        + "or last_seen_at <= now() - make_interval(secs => ?1)) order by last_seen_at limit " + BATCH
                        + " for update skip locked")
                .setParameter(1, (double) config.idleTimeout().toSeconds()).getResultList();
        int ended = 0;
        for (String sid : sids) {
            if (termination.end(sid, SessionTermination.Reason.EXPIRED).isPresent()) {
                ended++;
            }
        }
        return ended;
    }
}
