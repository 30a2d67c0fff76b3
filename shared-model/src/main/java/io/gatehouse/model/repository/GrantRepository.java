package io.gatehouse.model.repository;

import io.gatehouse.model.entity.GrantEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Persistence of {@link GrantEntity}. */
@ApplicationScoped
public class GrantRepository implements PanacheRepositoryBase<GrantEntity, UUID> {
}
