package io.gatehouse.model.repository;

import io.gatehouse.model.entity.LogoutDeliveryEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Persistence of {@link LogoutDeliveryEntity}. */
@ApplicationScoped
public class LogoutDeliveryRepository implements PanacheRepositoryBase<LogoutDeliveryEntity, Long> {
}
