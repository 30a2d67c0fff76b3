package io.gatehouse.model.keys;

import io.gatehouse.model.jose.KeyAlgorithm;
import java.time.Instant;

/** A row of {@code signing_keys} without its key material: what rotation decisions are made from. */
public record KeyRecord(String kid, KeyAlgorithm alg, KeyState state, Instant createdAt, Instant activatedAt,
                        Instant deleteAfter) {

    /** When the key started signing (its creation time for rows that predate {@code activated_at}). */
    public Instant signingSince() {
        return activatedAt != null ? activatedAt : createdAt;
    }
}
