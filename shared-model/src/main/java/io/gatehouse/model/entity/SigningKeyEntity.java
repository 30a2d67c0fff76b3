package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A signing key: public JWK in clear, private key AES-256-GCM encrypted under the key-encryption key. */
@Entity
@Table(name = "signing_keys")
public class SigningKeyEntity {
    @Id
    public String kid;

    public String alg;

    /** next, active, retired or revoked. */
    public String state;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "public_jwk", columnDefinition = "jsonb")
    public Map<String, Object> publicJwk;

    @Column(name = "private_key_enc")
    public byte[] privateKeyEnc;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "delete_after")
    public Instant deleteAfter;
}
