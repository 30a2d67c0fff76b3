package io.gatehouse.model.repository;

import io.gatehouse.model.entity.AuthorizationRequestEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Persistence of {@link AuthorizationRequestEntity}. */
@ApplicationScoped
public class AuthorizationRequestRepository implements PanacheRepositoryBase<AuthorizationRequestEntity, String> {

    /** Marks the request consumed if nobody did yet: true for exactly one caller. */
    public boolean consume(String id) {
        return update("consumedAt = ?1 where id = ?2 and consumedAt is null", Instant.now(), id) == 1;
    }
}
