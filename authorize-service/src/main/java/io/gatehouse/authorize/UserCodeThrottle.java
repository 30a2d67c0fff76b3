package io.gatehouse.authorize;

import io.gatehouse.model.crypto.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Wrong user codes at the device verification page (RFC 8628 5.1: rate-limit user code guessing), counted like failed
 * logins in {@code login_throttle} and with the same settings ({@code gatehouse.login.*}): per browser (the
 * {@code GH_AUTHZ} cookie, as the account free attempts) and per source address, under keys of their own.
 */
@ApplicationScoped
public class UserCodeThrottle {

    @Inject
    LoginThrottle throttle;
    @Inject
    LoginConfig config;
    @Inject
    AuditLog audit;

    private ThrottlePolicy browsers;
    private ThrottlePolicy addresses;

    @PostConstruct
    void init() {
        browsers = new ThrottlePolicy(config.accountFreeAttempts(), config.initialDelay(), config.maxDelay());
        addresses = new ThrottlePolicy(config.addressFreeAttempts(), config.initialDelay(), config.maxDelay());
    }

    static String browserKey(String browser) {
        return "user_code:browser:" + Sha256.hash(browser);
    }

    static String addressKey(String address) {
        return "user_code:ip:" + address;
    }

    /** How long the browser must still wait before its next code is looked at; zero when it may go ahead. */
    public Duration wait(String browser, String address) {
        return throttle.waitFor(browserKey(browser), addressKey(address));
    }

    /** Counts a code that matched no pending device authorization. */
    public void failed(String browser, String address) {
        QuarkusTransaction.requiringNew().run(() -> {
            throttle.record(browserKey(browser), browsers);
            throttle.record(addressKey(address), addresses);
            audit.record("user_code_failed", null, null, null, address); // the code typed is not logged
        });
    }

    /** A code that matched clears the browser's failures (the address keeps its count). */
    public void succeeded(String browser) {
        throttle.clear(browserKey(browser));
    }
}
