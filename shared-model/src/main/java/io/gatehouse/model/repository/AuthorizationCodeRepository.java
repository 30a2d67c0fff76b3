package io.gatehouse.model.repository;

import io.gatehouse.model.entity.AuthorizationCodeEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;


/** Persistence of {@link AuthorizationCodeEntity}. */
@ApplicationScoped
public class AuthorizationCodeRepository implements PanacheRepositoryBase<AuthorizationCodeEntity, String> {
}
