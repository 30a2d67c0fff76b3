package io.gatehouse.model.keys;

import java.util.Arrays;

/**
 * The life of a signing key (DESIGN.md "State"): {@code next} (published, not yet signing) -> {@code active} (signs;
 * one per algorithm) -> {@code retired} (published until every token it signed has expired, then deleted).
 * {@code revoked} keys were withdrawn by an operator: never published again.
 */
public enum KeyState {
    NEXT, ACTIVE, RETIRED, REVOKED;

    /** The value of {@code signing_keys.state}. */
    public String column() {
        return name().toLowerCase();
    }

    public static KeyState fromColumn(String value) {
        return Arrays.stream(values()).filter(s -> s.column().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown key state " + value));
    }
}
