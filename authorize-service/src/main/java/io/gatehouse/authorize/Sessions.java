package io.gatehouse.authorize;

import io.gatehouse.model.authorization.AuthenticatedSession;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.discovery.AmrValue;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.logout.SessionTermination;
import io.gatehouse.model.repository.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.NewCookie;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SSO sessions (DESIGN.md "State"): a row in {@code sessions}, referenced by the {@code GH_SESSION} cookie whose
 * SHA-256 only is stored. A session ends when idle for {@code gatehouse.session.idle-timeout} or
 * {@code absolute-lifetime} after the last login. Callers provide the transaction.
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "GH_SESSION";
    /** OIDC Core 2, RFC 8176 2: the authentication method of a password login. */


    @Inject
    SessionRepository sessions;
    @Inject
    SessionConfig config;
    @Inject
    GatehouseConfig gatehouse;
    @Inject
    EntityManager em;
    @Inject
    SessionTermination termination;

    /** A session just logged in, and the cookie value that refers to it. */
    public record Started(SessionEntity session, String cookieValue) {
    }

    /** The active session the cookie refers to, its last use updated. */
    public Optional<SessionEntity> current(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 200) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Optional<SessionEntity> found = sessions.findByCookieHash(Sha256.hash(cookieValue))
                .filter(s -> s.isActive(now) && s.lastSeenAt.plus(config.idleTimeout()).isAfter(now));
        found.ifPresent(s -> s.lastSeenAt = now);
        return found;
    }

    /**
     * Records a login of {@code userId}. The same user's session continues (same sid) with a new auth_time and a new
     * cookie value (no session fixation); another user's session ends and a new one begins.
     */
    public Started login(UUID userId, Optional<SessionEntity> previous, List<String> amr) {
        Instant now = Instant.now();
        String cookie = RandomTokens.random256();
        boolean same = previous.isPresent() && previous.get().userId.equals(userId);
        SessionEntity s;
        if (same) {
            s = previous.get();
        } else {
            previous.ifPresent(p -> termination.end(p.sid, SessionTermination.Reason.REPLACED));
            s = new SessionEntity();
            s.sid = RandomTokens.randomBytes(16);
            s.userId = userId;
            s.createdAt = now;
        }
        s.cookieHash = Sha256.hash(cookie);
        s.authTime = now;
        s.amr = new java.util.ArrayList<>(amr);
        s.acr = AmrValue.acr(amr).value();
        s.lastSeenAt = now;
        s.expiresAt = now.plus(config.absoluteLifetime());
        if (!same) {
            em.persist(s);
        }
        return new Started(s, cookie);
    }

    /** Records that {@code clientId} received tokens or a code in the session (a target of logout). */
    public void addClient(String sid, String clientId) {
        em.flush(); // a session persisted in this transaction must exist before the row that references it
        em.createNativeQuery("insert into session_clients (sid, client_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, sid).setParameter(2, clientId).executeUpdate();
    }

    public static AuthenticatedSession view(SessionEntity s) {
        return s == null ? null : new AuthenticatedSession(s.sid, s.userId, s.authTime, s.acr, s.amr);
    }

    /** The session cookie: HttpOnly, SameSite=Lax, Path=/, Secure outside development mode. */
    public NewCookie cookie(String value) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).secure(!gatehouse.devMode())
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) config.absoluteLifetime().toSeconds()).build();
    }

    /** Removes the session cookie from the browser (after logout): same attributes, empty value, Max-Age 0. */
    public NewCookie clearedCookie() {
        return new NewCookie.Builder(COOKIE).value("").path("/").httpOnly(true).secure(!gatehouse.devMode())
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }
}
