package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An SSO session (OIDC Core 2: sid, auth_time, acr, amr), referenced by a cookie whose hash is stored. Updates write
 * only the columns that changed, so a request that merely touched {@code last_seen_at} never writes back a stale
 * {@code ended_at} over a logout committed meanwhile.
 */
@Entity
@DynamicUpdate
@Table(name = "sessions")
public class SessionEntity {
    @Id
    public String sid;

    @Column(name = "cookie_hash")
    public String cookieHash;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "auth_time")
    public Instant authTime;

    public String acr;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> amr = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "last_seen_at")
    public Instant lastSeenAt = Instant.now();

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public boolean isActive(Instant now) {
        return endedAt == null && expiresAt.isAfter(now);
    }
}
