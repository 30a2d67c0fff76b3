package io.gatehouse.authorize.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** The public information of a signing key: never its private part. */
public record KeyView(@JsonProperty("kid") String kid, @JsonProperty("alg") String alg, @JsonProperty("state") String state,
                      @JsonProperty("created_at") Instant createdAt, @JsonProperty("activated_at") Instant activatedAt,
                      @JsonProperty("retired_at") Instant retiredAt, @JsonProperty("delete_after") Instant deleteAfter,
                      @JsonProperty("public_jwk") Map<String, Object> publicJwk) {
}
