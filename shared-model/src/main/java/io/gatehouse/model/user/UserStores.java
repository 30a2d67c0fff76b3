package io.gatehouse.model.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Produces the {@link UserStore} that {@code gatehouse.users.store} names, among those marked {@link Serves}. */
@ApplicationScoped
public class UserStores {

    @Inject
    UsersConfig config;
    @Inject
    @Any
    Instance<UserStore> stores;

    @Produces
    @ApplicationScoped
    UserStore configured() {
        return stores.select(new Serves.Literal(config.store())).get();
    }
}
