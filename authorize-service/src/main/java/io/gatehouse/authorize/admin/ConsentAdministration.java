package io.gatehouse.authorize.admin;

import io.gatehouse.model.entity.ConsentEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Saved consents per user; revoking one also revokes the user's grants to that client and so their tokens. */
@ApplicationScoped
public class ConsentAdministration {

    @Inject
    UserAdministration users;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;

    public List<ConsentView> list(String idOrUsername) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var user = users.find(idOrUsername);
            List<Object[]> rows = em.createQuery("select c, cl.clientName from ConsentEntity c, ClientEntity cl "
                    + "where cl.clientId = c.clientId and c.userId = :u order by c.grantedAt", Object[].class)
                    .setParameter("u", user.id).getResultList();
            return rows.stream().map(r -> {
                ConsentEntity c = (ConsentEntity) r[0];
                return new ConsentView(c.clientId, (String) r[1], c.scopes, c.grantedAt);
            }).toList();
        });
    }

    /**
     * Deletes the consent and sets {@code revoked_at} on every live grant of the user to the client: their access
     * and refresh tokens stop working (the grant contract of DESIGN.md).
     */
    public void revoke(String idOrUsername, String clientId, AdminCaller caller) {
        QuarkusTransaction.requiringNew().run(() -> {
            var user = users.find(idOrUsername);
            int consents = em.createQuery("delete from ConsentEntity c where c.userId = :u and c.clientId = :c")
                    .setParameter("u", user.id).setParameter("c", clientId).executeUpdate();
            int grants = em.createQuery("update GrantEntity g set g.revokedAt = :now "
                            + "where g.userId = :u and g.clientId = :c and g.revokedAt is null")
                    .setParameter("now", Instant.now()).setParameter("u", user.id).setParameter("c", clientId).executeUpdate();
            if (consents == 0 && grants == 0) {
                throw AdminErrors.notFound("user " + idOrUsername + " has no consent or grant for client " + clientId);
            }
            audit.record("admin.consent.revoked", user.id, clientId, caller.sourceIp(), caller.details(Map.of("grants_revoked", grants)));
        });
    }
}
