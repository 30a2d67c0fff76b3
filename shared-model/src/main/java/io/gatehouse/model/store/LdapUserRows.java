package io.gatehouse.model.store;

import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.jose.Json;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Shadow rows of directory users in {@code users} (V90, store {@code ldap}): id = the subject, no password, the
 * attributes last read at login (what the token and userinfo endpoints release while the directory is down).
 */
@ApplicationScoped
public class LdapUserRows {

    @Inject
    EntityManager em;

    /**
     * Creates or refreshes the row of {@code subject} in its own transaction; concurrent first logins (several
     * replicas) converge on one row. {@code updated_at} moves only when the attributes changed. Empty when the id
     * belongs to a PostgreSQL user (never taken over).
     */
    public Optional<UserEntity> upsert(UUID subject, String username, Map<String, Object> attributes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int written = em.createNativeQuery("insert into users (id, username, password_hash, enabled, attributes, store) "
                            + "values (?1, ?2, null, true, cast(?3 as jsonb), 'ldap') on conflict (id) do update set "
                            + "username = excluded.username, attributes = excluded.attributes, "
                            + "updated_at = case when users.attributes = excluded.attributes then users.updated_at else now() end "
                            + "where users.store = 'ldap'")
                    .setParameter(1, subject).setParameter(2, username).setParameter(3, Json.writeString(attributes))
                    .executeUpdate();
            if (written == 0) {
                return Optional.<UserEntity>empty();
            }
            UserEntity user = em.find(UserEntity.class, subject);
            em.refresh(user);
            return Optional.of(user);
        });
    }
}
