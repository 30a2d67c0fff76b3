package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One authorization (user, client, scopes); every token carries its id, so revoking it revokes them. */
@Entity
@Table(name = "grants")
public class GrantEntity {
    @Id
    public UUID id;

    /** Null for client_credentials, where the client acts for itself. */
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "client_id")
    public String clientId;

    public String scope;

    public String sid;

    /** offline_access was granted: refresh tokens outlive the SSO session. */
    public boolean offline;

    @Column(name = "auth_time")
    public Instant authTime;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** The claims request (OIDC Core 5.5) of the authorization, as {@code ClaimsRequest.toJson()}; null if none. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> claims;

    /** RFC 8693: the grant of the subject token this grant's token was exchanged from; null for other grants. */
    @Column(name = "exchanged_from")
    public java.util.UUID exchangedFrom;
}
