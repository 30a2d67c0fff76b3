package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A jti of a JWT client assertion already used (RFC 7523 3 item 7), kept until the assertion expires. */
@Entity
@Table(name = "client_assertion_jtis")
@IdClass(ClientAssertionJtiEntity.Key.class)
public class ClientAssertionJtiEntity {
    @Id
    @Column(name = "client_id")
    public String clientId;

    @Id
    public String jti;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public record Key(String clientId, String jti) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
