package io.gatehouse.model.repository;

import io.gatehouse.model.entity.PushedRequestEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;


/** Persistence of {@link PushedRequestEntity}. */
@ApplicationScoped
public class PushedRequestRepository implements PanacheRepositoryBase<PushedRequestEntity, String> {
}
