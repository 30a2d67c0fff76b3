package io.gatehouse.model.repository;

import io.gatehouse.model.entity.ClaimMappingEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;


/** Persistence of {@link ClaimMappingEntity}. */
@ApplicationScoped
public class ClaimMappingRepository implements PanacheRepositoryBase<ClaimMappingEntity, String> {
}
