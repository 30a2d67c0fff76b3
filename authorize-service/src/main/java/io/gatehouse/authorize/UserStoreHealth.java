package io.gatehouse.authorize;

import io.gatehouse.model.user.Serves;
import io.gatehouse.model.user.UsersConfig;
import io.gatehouse.model.user.ldap.LdapUserStore;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The user store in the health endpoints (docs/ldap.md). Readiness stays UP while the directory is down (consent,
 * logout, the admin API and existing sessions still work; the login page answers 503 "sign-in temporarily
 * unavailable") and reports {@code directory: degraded}; the group {@code /q/health/group/user-store} is DOWN then,
 * for monitoring. An incomplete LDAP configuration stops the service at start.
 */
@ApplicationScoped
public class UserStoreHealth {

    @Inject
    UsersConfig users;
    @Inject
    @Serves(UsersConfig.Store.ldap)
    LdapUserStore ldap;

    void onStart(@Observes StartupEvent event) {
        if (ldap()) {
            ldap.directory(); // checks gatehouse.ldap.* (urls, filter, trust store); connects on first use
        }
    }

    boolean ldap() {
        return users.store() == UsersConfig.Store.ldap;
    }

    /** The configured store's name (a method: the checks hold a client proxy, whose fields are not the bean's). */
    String storeName() {
        return users.store().name();
    }

    /** {@code up}, {@code degraded} (directory not answering) or {@code local} (PostgreSQL store). */
    String state() {
        return !ldap() ? "local" : ldap.directory().reachable() ? "up" : "degraded";
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Inject
        UserStoreHealth health;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("user-store").up()
                    .withData("store", health.storeName()).withData("directory", health.state()).build();
        }
    }

    @HealthGroup("user-store")
    @ApplicationScoped
    public static class Directory implements HealthCheck {
        @Inject
        UserStoreHealth health;

        @Override
        public HealthCheckResponse call() {
            String state = health.state();
            return HealthCheckResponse.named("user-store").status(!"degraded".equals(state))
                    .withData("store", health.storeName()).withData("directory", state).build();
        }
    }
}
