package io.gatehouse.model.crypto;

/**
 * Hashes user passwords into a self-describing string (PHC format) that records the algorithm and its
 * cost, so that the cost can be raised later and old hashes upgraded at the next successful login.
 */
public interface PasswordHasher {

    String hash(char[] password);

    boolean verify(char[] password, String encoded);

    /** True when {@code encoded} was made with weaker parameters than the current ones. */
    boolean needsRehash(String encoded);
}
