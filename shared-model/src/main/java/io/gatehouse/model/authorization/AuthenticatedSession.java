package io.gatehouse.model.authorization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the interaction rules need of an SSO session: who, since when (OIDC Core 2: sid, auth_time, acr, amr). */
public record AuthenticatedSession(String sid, UUID userId, Instant authTime, String acr, List<String> amr) {
    public AuthenticatedSession {
        amr = amr == null ? List.of() : List.copyOf(amr);
    }
}
