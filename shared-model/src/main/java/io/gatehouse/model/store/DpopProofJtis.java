package io.gatehouse.model.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Table {@code dpop_proof_jtis} (V91): the jtis of accepted DPoP proofs, the replay check of RFC 9449 11.1. */
@ApplicationScoped
public class DpopProofJtis {

    @Inject
    EntityManager em;

    /**
     * Records the proof {@code jti} of key {@code jkt} until {@code expiresAt}, in a transaction of its own (a refused
     * request does not make the proof usable again); false when it is recorded and not yet expired, a replay. One
     * statement, so of two concurrent uses of one proof exactly one wins.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean firstUse(String jkt, String jti, Instant expiresAt) {
        return em.createNativeQuery("insert into dpop_proof_jtis (jkt, jti, expires_at) values (?1, ?2, ?3) "
                        + "on conflict (jkt, jti) do update set expires_at = excluded.expires_at "
                        + "where dpop_proof_jtis.expires_at < now()")
                .setParameter(1, jkt).setParameter(2, jti).setParameter(3, expiresAt).executeUpdate() == 1;
    }
}
