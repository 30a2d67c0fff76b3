package io.gatehouse.model.user;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which {@link UserStore} serves logins ({@code gatehouse.users.*}); docs/ldap.md. */
@ConfigMapping(prefix = "gatehouse.users")
public interface UsersConfig {

    enum Store { postgres, ldap }

    /** {@code postgres} (default: users in table users) or {@code ldap} (gatehouse.ldap.*). */
    @WithDefault("postgres")
    Store store();
}
