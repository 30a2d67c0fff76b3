package io.gatehouse.model.repository;

import io.gatehouse.model.entity.UserEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Persistence of {@link UserEntity}. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserEntity, UUID> {

    /** A user of the PostgreSQL store by username (shadow rows of directory users are not found here). */
    public Optional<UserEntity> findByUsername(String username) {
        return find("username = ?1 and store = 'postgres'", username).firstResultOptional();
    }
}
