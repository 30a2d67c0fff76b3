package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A revoked access token's jti, kept until the token would have expired (RFC 7009). */
@Entity
@Table(name = "revocations")
public class RevocationEntity {
    @Id
    public String jti;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt = Instant.now();
}
