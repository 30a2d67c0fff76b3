package io.gatehouse.model.logout;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.audit.AuditTrail;
import io.gatehouse.model.entity.SessionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way an SSO session ends: RP-initiated logout, the expiry job, another user's login in the same browser, and
 * the operators' API all call {@link #end}. It sets {@code sessions.ended_at} with one conditional update (so a session
 * ends once, however many callers race) and, in the same transaction, queues a back-channel logout token for every
 * relying party of the session (Back-Channel Logout 1.0 section 2.5) and writes the audit event. Refresh tokens
 * without offline_access stop working with it (token-service checks the grant's session).
 */
@ApplicationScoped
public class SessionTermination {

    /** Audit event type of an ended session (DESIGN.md "State": audit events ... logout). */
    public static final String AUDIT_TYPE = "logout";

    /** Why a session ended (recorded in the audit event). */
    public enum Reason {
        /** RP-Initiated Logout 1.0: with a valid id_token_hint or confirmed by the user. */
        LOGOUT("logout"),
        /** The idle or absolute limit passed (found by the expiry job). */
        EXPIRED("expired"),
        /** An operator ended it. */
        ADMIN("admin"),
        /** Another user logged in in the same browser. */
        REPLACED("replaced");

        private final String value;

        Reason(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** A session this call ended: its user and the relying parties that took part in it (targets of logout). */
    public record Ended(String sid, UUID userId, List<String> clientIds) {
    }

    @Inject
    EntityManager em;
    @Inject
    BackchannelLogout backchannel;
    @Inject
    AuditTrail audit;

    /**
     * Ends session {@code sid} now unless it has already ended, and queues its back-channel notices. Returns the ended
     * session, or empty when there is no such session or it had ended before (nothing is queued twice).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Ended> end(String sid, Reason reason) {
        if (sid == null) {
            return Optional.empty();
        }
        em.flush(); // changes made earlier in this transaction are written before the conditional update
        @SuppressWarnings("unchecked")
        List<Object> updated = em.createNativeQuery("update sessions set ended_at = now() where sid = ?1 and ended_at is null returning user_id")
                .setParameter(1, sid).getResultList();
        if (updated.isEmpty()) {
            return Optional.empty();
        }
        UUID userId = updated.get(0) instanceof UUID u ? u : UUID.fromString(String.valueOf(updated.get(0)));
        SessionEntity managed = em.find(SessionEntity.class, sid);
        if (managed != null) {
            em.refresh(managed); // a copy loaded earlier in this transaction sees the end too
        }
        @SuppressWarnings("unchecked")
        List<String> clients = em.createNativeQuery("select client_id from session_clients where sid = ?1 order by client_id")
                .setParameter(1, sid).getResultList();
        backchannel.enqueue(userId.toString(), sid, clients);
        audit.record(new AuditEvent(AUDIT_TYPE, userId, null, Map.of("sid", sid, "reason", reason.value(),
                "clients", String.join(" ", clients))));
        return Optional.of(new Ended(sid, userId, List.copyOf(clients)));
    }
}
