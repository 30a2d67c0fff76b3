package io.gatehouse.authorize.logout;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.gatehouse.model.job.ScheduledJobs;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Deletes back-channel logout notices that are finished: delivered ones a day after delivery, given-up ones a week
 * after (long enough for an operator to look at {@code last_error}). Safe in every replica at once (plain deletes of
 * finished rows, which the delivery worker never claims).
 */
@ApplicationScoped
public class LogoutDeliveryCleanup {

    @Inject
    ScheduledJobs jobs;
    @Inject
    EntityManager em;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        jobs.run("logout delivery clean-up", this::deleteFinished);
    }

    /** Returns how many rows were deleted. */
    @Transactional
    public int deleteFinished() {
        return em.createNativeQuery("delete from logout_deliveries where delivered_at < now() - interval '1 day' "
                + "or failed_at < now() - interval '7 days'").executeUpdate();
    }
}
