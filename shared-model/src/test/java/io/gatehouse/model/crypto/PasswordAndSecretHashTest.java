package io.gatehouse.model.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordAndSecretHashTest {

    // A cheap cost for unit tests; production uses the OWASP defaults.
    final Argon2idPasswordHasher cheap = new Argon2idPasswordHasher(1024, 1, 1);

    @Test
    void argon2idHashEncodesItsParametersAndVerifies() {
        String hash = cheap.hash("correct horse".toCharArray());
        assertTrue(hash.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), hash);
        assertTrue(cheap.verify("correct horse".toCharArray(), hash));
        assertFalse(cheap.verify("wrong horse".toCharArray(), hash));
    }

    @Test
    void samePasswordGivesDifferentHashes() {
        assertNotEquals(cheap.hash("pw".toCharArray()), cheap.hash("pw".toCharArray()));
    }

    @Test
    void weakerHashNeedsRehashUnderStrongerPolicy() {
        String weak = cheap.hash("pw".toCharArray());
        assertTrue(new Argon2idPasswordHasher().needsRehash(weak));
        assertFalse(cheap.needsRehash(weak));
    }

    @Test
    void malformedHashNeverVerifies() {
        assertFalse(cheap.verify("pw".toCharArray(), "$argon2id$v=19$m=abc$$"));
        assertFalse(cheap.verify("pw".toCharArray(), "plain"));
        assertFalse(cheap.verify("pw".toCharArray(), null));
    }

    @Test
    void secretHashMatchesOnlyTheSecret() {
        String secret = RandomTokens.random256();
        String stored = Sha256.hash(secret);
        assertNotEquals(secret, stored);
        assertTrue(Sha256.matches(secret, stored));
        assertFalse(Sha256.matches(secret + "x", stored));
        assertFalse(Sha256.matches(null, stored));
    }
}
