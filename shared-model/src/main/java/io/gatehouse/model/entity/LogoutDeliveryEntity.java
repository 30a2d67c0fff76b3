package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A back-channel logout token waiting to be (or already) delivered to one relying party. */
@Entity
@Table(name = "logout_deliveries")
public class LogoutDeliveryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_id")
    public String clientId;

    public String sid;

    public String sub;

    @Column(name = "logout_uri")
    public String logoutUri;

    /** The jti of this notice's logout token, the same at every attempt; the token itself is signed per attempt. */
    public String jti;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt = Instant.now();

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
}
