package io.gatehouse.authorize;

import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.ConsentEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.ConsentRepository;
import io.gatehouse.model.repository.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The account page's data: the logged-in user's saved consents, and their revocation, which also revokes every
 * grant of that client for the user (and so its access and refresh tokens).
 */
@ApplicationScoped
public class Account {

    @Inject
    Sessions sessions;
    @Inject
    UserRepository users;
    @Inject
    ClientRepository clients;
    @Inject
    ConsentRepository consents;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    /** The signed-in user and their consents. */
    public record Overview(UserEntity user, List<Pages.ConsentRow> consents) {
    }

    @Transactional
    public Optional<Overview> overview(String sessionCookie) {
        return sessions.current(sessionCookie).map(s -> {
            UserEntity user = users.findById(s.userId);
            List<Pages.ConsentRow> rows = consents.list("userId = ?1 order by grantedAt desc", s.userId).stream().map(c -> {
                ClientEntity client = clients.findById(c.clientId);
                String name = client != null && client.clientName != null ? client.clientName : c.clientId;
                return new Pages.ConsentRow(c.clientId, name, String.join(" ", c.scopes));
            }).toList();
            return new Overview(user, rows);
        });
    }

    /** Revokes the consent and the grants of {@code clientId}; false when no session or the CSRF token is wrong. */
    @Transactional
    public boolean revoke(String sessionCookie, String csrf, String clientId) {
        Optional<SessionEntity> session = sessions.current(sessionCookie);
        if (session.isEmpty() || clientId == null || !csrfMatches(sessionCookie, csrf)) {
            return false;
        }
        UUID userId = session.get().userId;
        consents.deleteById(new ConsentEntity.Key(userId, clientId));
        Instant now = Instant.now();
        em.createNativeQuery("update refresh_tokens set revoked_at = ?1 where revoked_at is null and grant_id in "
                        + "(select id from grants where user_id = ?2 and client_id = ?3)")
                .setParameter(1, now).setParameter(2, userId).setParameter(3, clientId).executeUpdate();
        em.createNativeQuery("update grants set revoked_at = ?1 where user_id = ?2 and client_id = ?3 and revoked_at is null")
                .setParameter(1, now).setParameter(2, userId).setParameter(3, clientId).executeUpdate();
        audit.record("consent_revoked", userId, clientId, null);
        return true;
    }

    /**
     * The account page's CSRF token: derived from the session cookie, which only the browser holds (HttpOnly), so a
     * page of another site cannot compute it; nothing is stored.
     */
    public static String csrfToken(String sessionCookie) {
        return Sha256.hash("gatehouse-account-csrf:" + sessionCookie);
    }

    static boolean csrfMatches(String sessionCookie, String presented) {
        if (sessionCookie == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(csrfToken(sessionCookie).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
