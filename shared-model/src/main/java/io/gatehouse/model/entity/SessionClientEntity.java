package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A relying party that took part in a session: a target of back- and front-channel logout. */
@Entity
@Table(name = "session_clients")
@IdClass(SessionClientEntity.Key.class)
public class SessionClientEntity {
    @Id
    public String sid;

    @Id
    @Column(name = "client_id")
    public String clientId;

    public record Key(String sid, String clientId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
