package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A refresh token (RFC 6749 6), stored hashed; rotation links tokens of one family. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshTokenEntity {
    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "grant_id")
    public UUID grantId;

    @Column(name = "family_id")
    public UUID familyId;

    @Column(name = "client_id")
    public String clientId;

    public String scope;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "rotated_at")
    public Instant rotatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Hash of the token this one was rotated from; null for the first token of a family. */
    @Column(name = "parent_hash")
    public String parentHash;

    /** When this rotated token was last retried inside the grace period (the same request again); null if never. */
    @Column(name = "retried_at")
    public Instant retriedAt;

    /** SHA-256 of the request that rotated this token (its effective scope); a retry must be that request again. */
    @Column(name = "rotation_request")
    public String rotationRequest;

    /** Thumbprint of the DPoP key this token is bound to (RFC 9449 5, public clients); null when unbound. */
    @Column(name = "dpop_jkt")
    public String dpopJkt;
}
