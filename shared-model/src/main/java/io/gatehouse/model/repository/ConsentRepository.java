package io.gatehouse.model.repository;

import io.gatehouse.model.entity.ConsentEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;


/** Persistence of {@link ConsentEntity}. */
@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<ConsentEntity, ConsentEntity.Key> {
}
