package io.gatehouse.model.repository;

import io.gatehouse.model.entity.SessionEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Persistence of {@link SessionEntity}. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<SessionEntity, String> {

    public Optional<SessionEntity> findByCookieHash(String cookieHash) {
        return find("cookieHash", cookieHash).firstResultOptional();
    }
}
