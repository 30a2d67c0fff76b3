package io.gatehouse.model.repository;

import io.gatehouse.model.entity.DeviceCodeEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;


/** Persistence of {@link DeviceCodeEntity}. */
@ApplicationScoped
public class DeviceCodeRepository implements PanacheRepositoryBase<DeviceCodeEntity, String> {
}
