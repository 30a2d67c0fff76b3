package io.gatehouse.model.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One audited decision (DESIGN.md "State": audit events), stored in {@code audit_events} and counted. The type names
 * the decision; details never hold a secret, a code or a token value (a jti or a grant id at most).
 */
public record AuditEvent(String type, UUID userId, String clientId, String sourceIp, Map<String, Object> details) {

    /** Tokens were issued at the token endpoint (details: grant_type, grant_id, scope). */
    public static final String TOKEN_ISSUED = "token_issued";
    /** RFC 8693: a token obtained by token exchange; details name the subject token's client, the audience and the actor. */
    public static final String TOKEN_EXCHANGED = "token_exchanged";
    /** An authorization code was presented again: its grant is revoked (RFC 6749 4.1.2). */
    public static final String CODE_REUSED = "code_reused";
    /** A rotated refresh token was presented again: its family and grant are revoked (RFC 9700 4.14.2). */
    public static final String REFRESH_TOKEN_REUSED = "refresh_token_reused";
    /** A token was revoked at the revocation endpoint (RFC 7009). */
    public static final String TOKEN_REVOKED = "token_revoked";

    /** Details without a value (a kid that was not given, say) are left out rather than stored as null. */
    public AuditEvent {
        if (details == null) {
            details = Map.of();
        } else {
            // Map.of maps refuse containsValue(null): filter by iterating.
            Map<String, Object> present = new LinkedHashMap<>();
            details.forEach((k, v) -> {
                if (v != null) {
                    present.put(k, v);
                }
            });
            details = Map.copyOf(present);
        }
    }

    /** An event whose source address is not known (or not the point, as for token endpoint decisions). */
    public AuditEvent(String type, UUID userId, String clientId, Map<String, Object> details) {
        this(type, userId, clientId, null, details);
    }
}
