package io.gatehouse.authorize.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** A saved consent: the scopes a user granted a client. */
public record ConsentView(@JsonProperty("client_id") String clientId, @JsonProperty("client_name") String clientName,
                          @JsonProperty("scopes") List<String> scopes, @JsonProperty("granted_at") Instant grantedAt) {
}
