package io.gatehouse.model.repository;

import io.gatehouse.model.entity.SessionClientEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;


/** Persistence of {@link SessionClientEntity}. */
@ApplicationScoped
public class SessionClientRepository implements PanacheRepositoryBase<SessionClientEntity, SessionClientEntity.Key> {
}
