package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An authorization code (RFC 6749 4.1.2), stored by the SHA-256 of its value and consumed once. */
@Entity
@Table(name = "authorization_codes")
public class AuthorizationCodeEntity {
    @Id
    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "redirect_uri")
    public String redirectUri;

    public String scope;

    public String nonce;

    @Column(name = "code_challenge")
    public String codeChallenge;

    @Column(name = "code_challenge_method")
    public String codeChallengeMethod;

    /** The OIDC Core 5.5 claims request, as sent. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> claims;

    @Column(name = "auth_time")
    public Instant authTime;

    public String acr;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> amr = new ArrayList<>();

    public String sid;

    @Column(name = "grant_id")
    public UUID grantId;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "consumed_at")
    public Instant consumedAt;

    /** RFC 9449 10: the dpop_jkt of the authorization request; the code is redeemed only with a proof by that key. */
    @Column(name = "dpop_jkt")
    public String dpopJkt;
}
