package io.gatehouse.authorize.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gatehouse.model.entity.UserEntity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A user as the admin API shows it: never the password hash, only whether there is one. */
public record UserView(@JsonProperty("id") UUID id, @JsonProperty("username") String username,
                       @JsonProperty("enabled") boolean enabled, @JsonProperty("has_password") boolean hasPassword,
                       @JsonProperty("attributes") Map<String, Object> attributes,
                       @JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {

    static UserView of(UserEntity u) {
        return new UserView(u.id, u.username, u.enabled, u.passwordHash != null, u.attributes, u.createdAt, u.updatedAt);
    }
}
