package io.gatehouse.model.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScheduledJobsTest {

    static RuntimeException outage() {
        return new IllegalStateException("Unable to acquire JDBC Connection", new ConnectException("Connection refused"));
    }

    @Test
    void oneWarningWhenAnOutageStartsAndOneInfoWhenItEnds() {
        ScheduledJobs jobs = new ScheduledJobs();
        assertEquals(Optional.empty(), jobs.succeeded("session expiry"), "no outage, nothing to say");
        assertEquals(Optional.of("session expiry failing, retrying at each tick until it recovers: ConnectException: Connection refused"),
                jobs.failed("session expiry", outage()));
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), jobs.failed("session expiry", outage()), "the same outage is not reported again");
        }
        assertEquals(Optional.of("session expiry recovered after 6 failed ticks"), jobs.succeeded("session expiry"));
        assertEquals(Optional.empty(), jobs.succeeded("session expiry"));
        assertTrue(jobs.failed("session expiry", outage()).isPresent(), "a new outage is reported again");
    }

    @Test
    void jobsAreTrackedApartAndNothingReachesTheScheduler() {
        ScheduledJobs jobs = new ScheduledJobs();
        AtomicInteger ran = new AtomicInteger();
        jobs.run("a", () -> {
            ran.incrementAndGet();
            throw outage();
        });
        assertTrue(jobs.failed("b", outage()).isPresent(), "b's outage is its own");
        jobs.run("a", ran::incrementAndGet);
        assertEquals(2, ran.get());
        assertEquals(Optional.empty(), jobs.succeeded("a"), "a recovered at its last run");
    }
}
