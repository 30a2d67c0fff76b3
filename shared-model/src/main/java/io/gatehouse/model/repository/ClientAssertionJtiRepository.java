package io.gatehouse.model.repository;

import io.gatehouse.model.entity.ClientAssertionJtiEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Persistence of {@link ClientAssertionJtiEntity}: the replay check of JWT client assertions. */
@ApplicationScoped
public class ClientAssertionJtiRepository implements PanacheRepositoryBase<ClientAssertionJtiEntity, ClientAssertionJtiEntity.Key> {

    /**
     * Records {@code jti} for {@code clientId} until {@code expiresAt}; false when it is already recorded and not yet
     * expired (a replay). One statement, so two concurrent uses of one assertion cannot both succeed.
     */
    @Transactional
    public boolean firstUse(String clientId, String jti, Instant expiresAt) {
        int written = getEntityManager().createNativeQuery("insert into client_assertion_jtis (client_id, jti, expires_at) "
                        + "values (?1, ?2, ?3) on conflict (client_id, jti) do update set expires_at = excluded.expires_at "
                        + "where client_assertion_jtis.expires_at < now()")
                .setParameter(1, clientId).setParameter(2, jti).setParameter(3, expiresAt).executeUpdate();
        return written == 1;
    }

    /** Deletes the jtis whose assertions have expired; returns how many. */
    @Transactional
    public long deleteExpired() {
        return delete("expiresAt < ?1", Instant.now());
    }
}
