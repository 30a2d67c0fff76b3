package io.gatehouse.model.repository;

import io.gatehouse.model.entity.AuditEventEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;


/** Persistence of {@link AuditEventEntity}. */
@ApplicationScoped
public class AuditEventRepository implements PanacheRepositoryBase<AuditEventEntity, Long> {
}
