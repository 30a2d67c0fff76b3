package io.gatehouse.model.keys;

import io.gatehouse.model.jose.KeyAlgorithm;

/** One change to the key table; a rotation is a list of them, applied in order in one transaction. */
public sealed interface KeyTransition {

    /** A new key generated in {@code state} (next or active). */
    record Create(KeyAlgorithm alg, KeyState state) implements KeyTransition {
    }

    /** A next key starts signing. Always preceded by the {@link Retire} of the active key of its algorithm. */
    record Activate(String kid, KeyAlgorithm alg) implements KeyTransition {
    }

    /** The active key stops signing and stays published for the retention period. */
    record Retire(String kid, KeyAlgorithm alg) implements KeyTransition {
    }

    /** A retired or revoked key past its retention is deleted. */
    record Delete(String kid, KeyAlgorithm alg) implements KeyTransition {
    }
}
