package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An end user of the PostgreSQL user store; attributes are directory-style names mapped to claims. */
@Entity
@Table(name = "users")
public class UserEntity {
    @Id
    public UUID id;

    public String username;

    /** PHC string, e.g. {@code $argon2id$v=19$m=19456,t=2,p=1$...}. */
    @Column(name = "password_hash")
    public String passwordHash;

    public boolean enabled = true;

    /** {@code postgres} (a local user) or {@code ldap} (a shadow row of a directory user, V90; no password). */
    public String store = "postgres";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> attributes = new HashMap<>();

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();
}
