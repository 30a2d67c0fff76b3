package io.gatehouse.authorize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Failed logins per account and per source address (table {@code login_throttle}), shared by every replica.
 * The account key is the username as typed, whether or not it exists, so the delays reveal nothing about accounts.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    EntityManager em;
    @Inject
    LoginConfig config;
    @Inject
    AuditLog audit;

    private ThrottlePolicy accounts;
    private ThrottlePolicy addresses;

    @PostConstruct
    void init() {
        accounts = new ThrottlePolicy(config.accountFreeAttempts(), config.initialDelay(), config.maxDelay());
        addresses = new ThrottlePolicy(config.addressFreeAttempts(), config.initialDelay(), config.maxDelay());
    }

    static String accountKey(String username) {
        return "user:" + username.trim().toLowerCase(Locale.ROOT);
    }

    static String addressKey(String address) {
        return "ip:" + address;
    }

    /** How long the caller must still wait before this attempt is heard; zero when it may go ahead. */
    public Duration wait(String username, String address) {
        return waitFor(accountKey(username), addressKey(address));
    }

    /** How long an attempt counted under either key must still wait (also for other guesses, e.g. user codes). */
    Duration waitFor(String key, String otherKey) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Number seconds = (Number) em.createNativeQuery("select coalesce(max(extract(epoch from (blocked_until - now()))), 0) "
                            + "from login_throttle where key in (?1, ?2) and blocked_until > now() and last_failure_at > ?3")
                    .setParameter(1, key).setParameter(2, otherKey)
                    .setParameter(3, Timestamp.from(Instant.now().minus(config.forgetAfter())))
                    .getSingleResult();
            return Duration.ofMillis(Math.round(seconds.doubleValue() * 1000));
        });
    }

    /** Counts a failure against the account and the address; the next attempt waits as the policy says. */
    public void failed(String username, String address) {
        QuarkusTransaction.requiringNew().run(() -> {
            record(accountKey(username), accounts);
            record(addressKey(address), addresses);
            audit.record("login_failed", null, null, null, address); // the username typed is not logged
        });
    }

    /** A successful login clears the account's failures (the address keeps its count). */
    public void succeeded(String username) {
        clear(accountKey(username));
    }

    /** Forgets the failures counted under {@code key}. */
    void clear(String key) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from login_throttle where key = ?1")
                .setParameter(1, key).executeUpdate());
    }

    /** Counts a failure under {@code key} and blocks it as {@code policy} says (in the caller's transaction). */
    void record(String key, ThrottlePolicy policy) {
        Timestamp forgetBefore = Timestamp.from(Instant.now().minus(config.forgetAfter()));
        Number failures = (Number) em.createNativeQuery("insert into login_throttle (key, failures, last_failure_at) "
                        + "values (?1, 1, now()) on conflict (key) do update set "
                        + "failures = case when login_throttle.last_failure_at < ?2 then 1 else login_throttle.failures + 1 end, "
                        + "last_failure_at = now() returning failures")
                .setParameter(1, key).setParameter(2, forgetBefore).getSingleResult();
        Duration delay = policy.delayAfter(failures.intValue());
        if (!delay.isZero()) {
            em.createNativeQuery("update login_throttle set blocked_until = now() + make_interval(secs => ?1) where key = ?2")
                    .setParameter(1, (double) delay.toMillis() / 1000).setParameter(2, key).executeUpdate();
        }
    }

    /** Forgets old failures (called by the clean-up job). */
    public int forgetOld() {
        return em.createNativeQuery("delete from login_throttle where last_failure_at < ?1")
                .setParameter(1, Timestamp.from(Instant.now().minus(config.forgetAfter()))).executeUpdate();
    }
}
