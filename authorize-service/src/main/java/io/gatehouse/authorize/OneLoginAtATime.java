package io.gatehouse.authorize;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Password attempts on one pending authorization request run one at a time in this process. A login form posted
 * several times at once (a double click, a retrying proxy) then meets the throttle one post after the other: the
 * first is admitted and succeeds, which takes its count back, before the next is admitted, so the duplicates of a
 * correct login are never refused for each other's sake while parallel guesses on different requests are still
 * counted one by one ({@link LoginThrottle#admit}). The posts have passed the request's CSRF and browser checks.
 */
@ApplicationScoped
public class OneLoginAtATime {

    /** Longest wait for the attempt ahead; after it the post goes on unserialised rather than hang. */
    static final long MAX_WAIT_SECONDS = 30;

    private static final class Turn {
        final ReentrantLock lock = new ReentrantLock(true);
        int waiting;
    }

    private final ConcurrentHashMap<String, Turn> turns = new ConcurrentHashMap<>();

    public <T> T run(String requestId, Supplier<T> attempt) {
        Turn turn = turns.compute(requestId, (id, t) -> {
            Turn held = t == null ? new Turn() : t;
            held.waiting++;
            return held;
        });
        boolean locked = false;
        try {
            locked = turn.lock.tryLock(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            return attempt.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return attempt.get();
        } finally {
            if (locked) {
                turn.lock.unlock();
            }
            turns.computeIfPresent(requestId, (id, t) -> --t.waiting == 0 ? null : t);
        }
    }
}
