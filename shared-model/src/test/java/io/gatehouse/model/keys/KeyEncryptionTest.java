package io.gatehouse.model.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** How the key-encryption key is found, and the start-up error when it is missing in production. */
class KeyEncryptionTest {

    private static final String KEK = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void missingKeyEncryptionKeyOutsideDevModeIsAStartupErrorNamingTheVariable() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KeyEncryption.resolve(Optional.empty(), false, LaunchMode.NORMAL));
        assertTrue(e.getMessage().contains("GATEHOUSE_KEYS_ENCRYPTION_KEY"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> KeyEncryption.resolve(Optional.of("  "), false, LaunchMode.NORMAL));
    }

    @Test
    void devModeAndTestsFallBackToTheDevelopmentKey() {
        SecretKey dev = KeyEncryption.resolve(Optional.empty(), true, LaunchMode.NORMAL);
        assertNotNull(dev);
        assertArrayEquals(dev.getEncoded(), KeyEncryption.resolve(Optional.empty(), false, LaunchMode.TEST).getEncoded());
    }

    @Test
    void configuredKeyIsUsedInEveryMode() {
        assertArrayEquals(new byte[32], KeyEncryption.resolve(Optional.of(KEK), false, LaunchMode.NORMAL).getEncoded());
        assertArrayEquals(new byte[32], KeyEncryption.resolve(Optional.of(" " + KEK + "\n"), true, LaunchMode.DEVELOPMENT)
                .getEncoded());
    }

    @Test
    void malformedKeyIsAStartupErrorEvenInDevMode() {
        assertThrows(IllegalStateException.class, () -> KeyEncryption.resolve(Optional.of("not base64!"), true, LaunchMode.NORMAL));
        IllegalStateException shortKey = assertThrows(IllegalStateException.class, () -> KeyEncryption.resolve(
                Optional.of(Base64.getEncoder().encodeToString(new byte[16])), false, LaunchMode.NORMAL));
        assertTrue(shortKey.getMessage().contains("32 bytes"));
        assertEquals("AES", KeyEncryption.resolve(Optional.of(KEK), false, LaunchMode.NORMAL).getAlgorithm());
    }
}
