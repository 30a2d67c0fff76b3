package io.gatehouse.authorize.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One audit event. */
public record AuditEventView(@JsonProperty("id") long id, @JsonProperty("occurred_at") Instant occurredAt,
                             @JsonProperty("type") String type, @JsonProperty("user_id") UUID userId,
                             @JsonProperty("client_id") String clientId, @JsonProperty("source_ip") String sourceIp,
                             @JsonProperty("details") Map<String, Object> details) {
}
