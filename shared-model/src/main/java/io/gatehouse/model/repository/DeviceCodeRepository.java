package io.gatehouse.model.repository;

import io.gatehouse.model.entity.DeviceCodeEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Persistence of {@link DeviceCodeEntity}. */
@ApplicationScoped
public class DeviceCodeRepository implements PanacheRepositoryBase<DeviceCodeEntity, String> {

    /** The device authorization of a normalized user code ({@code UserCode.normalize}), whatever its state. */
    public Optional<DeviceCodeEntity> findByUserCode(String userCode) {
        return find("userCode", userCode).firstResultOptional();
    }
}
