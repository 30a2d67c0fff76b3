package io.gatehouse.model.repository;

import io.gatehouse.model.entity.ClientEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;


/** Persistence of {@link ClientEntity}. */
@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<ClientEntity, String> {
}
