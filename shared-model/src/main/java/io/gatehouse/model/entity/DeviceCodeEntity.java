package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A device authorization (RFC 8628 3.2): device code stored hashed, user code in clear (normalized, see
 * {@code UserCode}). token-service creates it pending; authorize-service sets it approved (with the user, the grant
 * and the session the ID token needs) or denied; token-service consumes it once.
 */
@Entity
@Table(name = "device_codes")
public class DeviceCodeEntity {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String DENIED = "denied";
    public static final String CONSUMED = "consumed";

    @Id
    @Column(name = "device_code_hash")
    public String deviceCodeHash;

    @Column(name = "user_code")
    public String userCode;

    @Column(name = "client_id")
    public String clientId;

    public String scope;

    /** pending, approved, denied or consumed. */
    public String status = PENDING;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "grant_id")
    public UUID grantId;

    /** When the user authenticated in the session that approved (OIDC Core 2 auth_time). */
    @Column(name = "auth_time")
    public Instant authTime;

    public String acr;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> amr = new ArrayList<>();

    /** The SSO session that approved. */
    public String sid;

    /** The polling interval (RFC 8628 3.2), grown by 5 s at each slow_down (3.5). */
    @Column(name = "interval_seconds")
    public int intervalSeconds = 5;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "expires_at")
    public Instant expiresAt;
}
