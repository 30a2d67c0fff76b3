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

    /**
     * Admits the browser's next code (zero returned; counted as a failure until it matches) or refuses it with the
     * wait, atomically as {@link LoginThrottle#admit(String, String)} does.
     */
    public Duration admit(String browser, String address) {
        return throttle.admit(browserKey(browser), browsers, addressKey(address), addresses);
    }

    /** An admitted code matched no pending device authorization: counted already, audited here. */
    public void failed(String address) {
        QuarkusTransaction.requiringNew().run(() -> audit.record("user_code_failed", null, null, null, address)); // the code typed is not logged
    }

    /** A code that matched clears the browser's failures and takes back the address's count of it. */
    public void succeeded(String browser, String address) {
        throttle.succeeded(browserKey(browser), addressKey(address), addresses);
    }
}
