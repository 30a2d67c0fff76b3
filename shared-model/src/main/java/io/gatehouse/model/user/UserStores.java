package io.gatehouse.model.user;

import io.gatehouse.model.user.ldap.LdapUserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Produces the {@link UserStore} that {@code gatehouse.users.store} names. */
@ApplicationScoped
public class UserStores {

    @Inject
    UsersConfig config;
    @Inject
    PostgresUserStore postgres;
    @Inject
    LdapUserStore ldap;

    @Produces
    @ApplicationScoped
    UserStore configured() {
        return config.store() == UsersConfig.Store.ldap ? ldap : postgres;
    }
}
