package io.gatehouse.model.jose;

/** A key-management algorithm with its content encryption: what a client registered for one kind of JWE. */
public record JweChoice(JweAlgorithm alg, JweEncryption enc) {
}
