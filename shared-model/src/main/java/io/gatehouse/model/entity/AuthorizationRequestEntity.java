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

/**
 * A verified authorization request waiting for the user to log in or consent: bound to the browser, short-lived,
 * consumed once. Its response is kept encrypted so that a form posted twice gets the same answer.
 */
@Entity
@Table(name = "authorization_requests")
public class AuthorizationRequestEntity {
    @Id
    public String id;

    @Column(name = "browser_hash")
    public String browserHash;

    @Column(name = "csrf_hash")
    public String csrfHash;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "redirect_uri")
    public String redirectUri;

    /** The assembled request parameters (after any request object), one value each. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> parameters;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "authenticated_at")
    public Instant authenticatedAt;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "consumed_at")
    public Instant consumedAt;

    @Column(name = "response_enc")
    public byte[] responseEnc;

    /**
     * Set when this request verifies a device authorization (RFC 8628 3.3) rather than an authorization request:
     * the login page serves it, then the user continues on the device pages.
     */
    @Column(name = "device_code_hash")
    public String deviceCodeHash;
}
