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

    /**
     * Admits one login attempt or refuses it: refused (the wait returned) while the account or the address is
     * blocked; admitted (zero returned) otherwise, and then already counted as a failure under both keys, before the
     * password is looked at. Check and count are one transaction holding both rows' locks, so parallel guesses are
     * counted one by one and no more of them are heard than the policy allows (issue 16.10). A success takes the
     * count back ({@link #succeeded}).
     */
    public Duration admit(String username, String address) {
        return admit(accountKey(username), accounts, addressKey(address), addresses);
    }

    /** {@link #admit(String, String)} for any two keys and their policies (also user codes). */
    Duration admit(String key, ThrottlePolicy policy, String otherKey, ThrottlePolicy otherPolicy) {
        boolean keyFirst = key.compareTo(otherKey) <= 0; // one lock order everywhere: no deadlock between attempts
        return QuarkusTransaction.requiringNew().call(() -> {
            Timestamp forgetBefore = Timestamp.from(Instant.now().minus(config.forgetAfter()));
            Row first = lock(keyFirst ? key : otherKey, forgetBefore);
            Row second = lock(keyFirst ? otherKey : key, forgetBefore);
            Duration wait = first.blockedFor().compareTo(second.blockedFor()) >= 0 ? first.blockedFor() : second.blockedFor();
            if (wait.toMillis() > 0) {
                return wait;
            }
            count(key, (keyFirst ? first : second).failures() + 1, policy);
            count(otherKey, (keyFirst ? second : first).failures() + 1, otherPolicy);
            return Duration.ZERO;
        });
    }

    /** A key's row, locked for the rest of the transaction: its failures (0 when forgotten) and how long it waits. */
    private record Row(int failures, Duration blockedFor) {
    }

    private Row lock(String key, Timestamp forgetBefore) {
        em.createNativeQuery("insert into login_throttle (key, failures, last_failure_at) values (?1, 0, now()) "
                + "on conflict (key) do nothing").setParameter(1, key).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("select case when last_failure_at < ?2 then 0 else failures end, "
                        + "coalesce(extract(epoch from (blocked_until - now())), 0) from login_throttle where key = ?1 for update")
                .setParameter(1, key).setParameter(2, forgetBefore).getSingleResult();
        double seconds = ((Number) row[1]).doubleValue();
        return new Row(((Number) row[0]).intValue(), Duration.ofMillis(Math.max(0, Math.round(seconds * 1000))));
    }

    /** Sets a locked key's count and the block its policy gives that count. */
    private void count(String key, int failures, ThrottlePolicy policy) {
        Duration delay = policy.delayAfter(failures);
        em.createNativeQuery("update login_throttle set failures = ?1, last_failure_at = now(), blocked_until = "
                        + "case when ?2 > 0 then now() + make_interval(secs => ?2) end where key = ?3")
                .setParameter(1, failures).setParameter(2, (double) delay.toMillis() / 1000).setParameter(3, key).executeUpdate();
    }

    /** An admitted attempt failed: it is counted already, so only the audit event is left. */
    public void failed(String address) {
        QuarkusTransaction.requiringNew().run(() -> audit.record("login_failed", null, null, null, address)); // the username typed is not logged
    }

    /** A successful login clears the account's failures and takes back the address's count of this attempt. */
    public void succeeded(String username, String address) {
        succeeded(accountKey(username), addressKey(address), addresses);
    }

    /** Clears {@code key} and takes one attempt back from {@code otherKey}, unblocking it if its policy now allows. */
    void succeeded(String key, String otherKey, ThrottlePolicy otherPolicy) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from login_throttle where key = ?1").setParameter(1, key).executeUpdate();
            takeBack(otherKey, otherPolicy);
        });
    }

    /** An admitted attempt the user store could not answer (directory down): its count is taken back from both keys. */
    public void released(String username, String address) {
        QuarkusTransaction.requiringNew().run(() -> {
            takeBack(accountKey(username), accounts);
            takeBack(addressKey(address), addresses);
        });
    }

    /** Takes one attempt back from a key, unblocking it if its policy now allows (in the caller's transaction). */
    private void takeBack(String key, ThrottlePolicy policy) {
        Row row = lock(key, Timestamp.from(Instant.now().minus(config.forgetAfter())));
        if (row.failures() > 0) {
            int failures = row.failures() - 1;
            em.createNativeQuery("update login_throttle set failures = ?1, blocked_until = case when ?2 then null else blocked_until end "
                            + "where key = ?3")
                    .setParameter(1, failures).setParameter(2, policy.delayAfter(failures).isZero()).setParameter(3, key)
                    .executeUpdate();
        }
    }

    /** Forgets old failures (called by the clean-up job). */
    public int forgetOld() {
        return em.createNativeQuery("delete from login_throttle where last_failure_at < ?1")
                .setParameter(1, Timestamp.from(Instant.now().minus(config.forgetAfter()))).executeUpdate();
    }
}
