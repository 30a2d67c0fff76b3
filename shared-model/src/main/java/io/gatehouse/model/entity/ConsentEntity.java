package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Scopes a user has consented to for one client; consent is not asked again for these. */
@Entity
@Table(name = "consents")
@IdClass(ConsentEntity.Key.class)
public class ConsentEntity {
    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Id
    @Column(name = "client_id")
    public String clientId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> scopes = new ArrayList<>();

    @Column(name = "granted_at")
    public Instant grantedAt = Instant.now();

    public record Key(UUID userId, String clientId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
