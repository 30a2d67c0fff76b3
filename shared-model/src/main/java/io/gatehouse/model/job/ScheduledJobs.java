package io.gatehouse.model.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;

/**
 * Runs one tick of a scheduled job and reports an outage once (issue 16.12): a job that starts failing, the database
 * down, logs one WARN naming the job and the cause, without a stack trace; the ticks that fail after it log at DEBUG;
 * the first tick that succeeds again logs one INFO with the number of ticks missed. Nothing is thrown to the
 * scheduler, which would log an ERROR with a stack trace at every tick.
 */
@ApplicationScoped
public class ScheduledJobs {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    private final ConcurrentMap<String, Integer> failedTicks = new ConcurrentHashMap<>();

    public void run(String job, Runnable tick) {
        try {
            tick.run();
        } catch (RuntimeException e) {
            failed(job, e).ifPresentOrElse(LOG::warn, () -> LOG.debugf("%s still failing: %s", job, e));
            return;
        }
        succeeded(job).ifPresent(LOG::info);
    }

    /** The WARN line when this failure starts an outage of {@code job}; empty while one is going on. */
    Optional<String> failed(String job, RuntimeException cause) {
        int ticks = failedTicks.merge(job, 1, Integer::sum);
        return ticks == 1 ? Optional.of(job + " failing, retrying at each tick until it recovers: " + rootCause(cause)) : Optional.empty();
    }

    /** The INFO line when this success ends an outage of {@code job}; empty otherwise. */
    Optional<String> succeeded(String job) {
        Integer ticks = failedTicks.remove(job);
        return ticks == null ? Optional.empty() : Optional.of(job + " recovered after " + ticks + " failed tick" + (ticks == 1 ? "" : "s"));
    }

    /** The innermost cause, where a database outage says what it is (connection refused, pool timeout). */
    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
