package io.gatehouse.model.repository;

import io.gatehouse.model.entity.RevocationEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;


/** Persistence of {@link RevocationEntity}. */
@ApplicationScoped
public class RevocationRepository implements PanacheRepositoryBase<RevocationEntity, String> {
}
