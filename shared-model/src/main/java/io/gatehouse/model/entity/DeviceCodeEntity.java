package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A device authorization (RFC 8628 3.2): device code stored hashed, user code in clear. */
@Entity
@Table(name = "device_codes")
public class DeviceCodeEntity {
    @Id
    @Column(name = "device_code_hash")
    public String deviceCodeHash;

    @Column(name = "user_code")
    public String userCode;

    @Column(name = "client_id")
    public String clientId;

    public String scope;

    /** pending, approved, denied or consumed. */
    public String status = "pending";

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "grant_id")
    public UUID grantId;

    @Column(name = "interval_seconds")
    public int intervalSeconds = 5;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "expires_at")
    public Instant expiresAt;
}
