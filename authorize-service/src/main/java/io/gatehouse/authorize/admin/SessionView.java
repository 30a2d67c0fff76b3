package io.gatehouse.authorize.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An SSO session and the relying parties that took part in it. */
public record SessionView(@JsonProperty("sid") String sid, @JsonProperty("user_id") UUID userId,
                          @JsonProperty("auth_time") Instant authTime, @JsonProperty("acr") String acr,
                          @JsonProperty("amr") List<String> amr, @JsonProperty("created_at") Instant createdAt,
                          @JsonProperty("last_seen_at") Instant lastSeenAt, @JsonProperty("expires_at") Instant expiresAt,
                          @JsonProperty("ended_at") Instant endedAt, @JsonProperty("active") boolean active,
                          @JsonProperty("clients") List<String> clients) {
}
