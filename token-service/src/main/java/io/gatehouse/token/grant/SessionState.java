package io.gatehouse.token.grant;

import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.repository.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a grant's tokens may still be refreshed as far as the SSO session goes. A grant with offline_access (OIDC
 * Core 11) outlives the session. Any other grant is tied to the session it was made in ({@code grants.sid}): once that
 * session has ended or expired, its refresh tokens stop working. A grant without a sid has no session to follow.
 */
@ApplicationScoped
public class SessionState {

    @Inject
    SessionRepository sessions;

    public boolean allowsRefresh(GrantEntity grant) {
        if (grant.offline || grant.sid == null) {
            return true;
        }
        return session(grant).map(s -> s.isActive(Instant.now())).orElse(false);
    }

    /** The grant's session, if it still exists (acr and amr of refreshed ID tokens come from it). */
    public Optional<SessionEntity> session(GrantEntity grant) {
        return grant.sid == null ? Optional.empty() : Optional.ofNullable(sessions.findById(grant.sid));
    }
}
