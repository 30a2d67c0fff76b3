package io.gatehouse.authorize.admin;

import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.logout.SessionTermination;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SSO sessions per user. Ending one sets {@code ended_at}, revokes the grants made in it without offline_access
 * and queues back-channel logout notices to its relying parties (Back-Channel Logout 1.0 2.5, 2.7), all in one
 * transaction.
 */
@ApplicationScoped
public class SessionAdministration {

    @Inject
    UserAdministration users;
    @Inject
    SessionTermination termination;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;

    /** The user's sessions, newest first; ended and expired ones only when {@code all}. */
    public List<SessionView> list(String idOrUsername, boolean all) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var user = users.find(idOrUsername);
            Instant now = Instant.now();
            var query = em.createQuery("select s from SessionEntity s where s.userId = :u "
                    + (all ? "" : "and s.endedAt is null and s.expiresAt > :now ") + "order by s.createdAt desc", SessionEntity.class)
                    .setParameter("u", user.id);
            if (!all) {
                query.setParameter("now", now);
            }
            List<SessionEntity> found = query.getResultList();
            return found.stream().map(s -> new SessionView(s.sid, s.userId, s.authTime, s.acr, s.amr, s.createdAt, s.lastSeenAt,
                    s.expiresAt, s.endedAt, s.isActive(now), clientsOf(s.sid))).toList();
        });
    }

    public void end(String idOrUsername, String sid, AdminCaller caller) {
        QuarkusTransaction.requiringNew().run(() -> {
            var user = users.find(idOrUsername);
            SessionEntity s = em.find(SessionEntity.class, sid);
            if (s == null || !s.userId.equals(user.id)) {
                throw AdminErrors.notFound("user " + idOrUsername + " has no session " + sid);
            }
            boolean ended = end(s);
            audit.record("admin.session.ended", user.id, null, caller.sourceIp(), caller.details(Map.of("sid", sid, "was_active", ended)));
        });
    }

    /** Ends every live session of the user; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endAll(UUID userId) {
        List<SessionEntity> live = em.createQuery("select s from SessionEntity s where s.userId = :u and s.endedAt is null",
                SessionEntity.class).setParameter("u", userId).getResultList();
        int ended = 0;
        for (SessionEntity s : live) {
            ended += end(s) ? 1 : 0;
        }
        return ended;
    }

    /**
     * Ends {@code s} unless it has ended already (through the one {@link SessionTermination}, which queues the
     * back-channel notices); returns whether it was live.
     */
    private boolean end(SessionEntity s) {
        if (termination.end(s.sid, SessionTermination.Reason.ADMIN).isEmpty()) {
            return false;
        }
        // An operator's termination also revokes the grants made in the session without offline_access, so their
        // access tokens stop at once too (Back-Channel Logout 1.0 2.7: refresh tokens die with the session).
        em.createQuery("update GrantEntity g set g.revokedAt = :now where g.sid = :sid and g.offline = false and g.revokedAt is null")
                .setParameter("now", Instant.now()).setParameter("sid", s.sid).executeUpdate();
        return true;
    }

    private List<String> clientsOf(String sid) {
        return em.createQuery("select sc.clientId from SessionClientEntity sc where sc.sid = :sid order by sc.clientId", String.class)
                .setParameter("sid", sid).getResultList();
    }
}
