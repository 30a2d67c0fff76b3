package io.gatehouse.model.otp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 Appendix B's SHA1 seed. */
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238AppendixBVectorsInSixDigits() {
        // The RFC lists 8 digits; the 6-digit code is the same truncation modulo 10^6 (RFC 4226 5.3).
        assertEquals("287082", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1111111109))));
        assertEquals("050471", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1111111111))));
        assertEquals("005924", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1234567890))));
        assertEquals("279037", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(2000000000))));
        assertEquals("353130", Totp.code(SEED, Totp.step(Instant.ofEpochSecond(20000000000L))));
    }

    @Test
    void oneStepEitherSideIsAcceptedTwoAreNot() {
        long now = 1000;
        assertEquals(OptionalLong.of(999), Totp.verify(SEED, Totp.code(SEED, 999), now, 0));
        assertEquals(OptionalLong.of(1001), Totp.verify(SEED, Totp.code(SEED, 1001), now, 0));
        assertTrue(Totp.verify(SEED, Totp.code(SEED, 998), now, 0).isEmpty());
        assertTrue(Totp.verify(SEED, Totp.code(SEED, 1002), now, 0).isEmpty());
    }

    @Test
    void aCodeIsGoodOnceAndNotBeforeTheLastOneUsed() {
        long now = 1000;
        String code = Totp.code(SEED, now);
        assertEquals(OptionalLong.of(now), Totp.verify(SEED, code, now, now - 1));
        assertTrue(Totp.verify(SEED, code, now, now).isEmpty(), "replay of the step just used");
        assertTrue(Totp.verify(SEED, Totp.code(SEED, now - 1), now, now).isEmpty(), "an older step after a newer one");
    }

    @Test
    void onlySixDigitsAreACode() {
        assertEquals("123456", Totp.normalize("123 456"));
        assertNull(Totp.normalize("12345"));
        assertNull(Totp.normalize("1234567"));
        assertNull(Totp.normalize("12345a"));
        assertNull(Totp.normalize(null));
        assertNull(Totp.normalize("1".repeat(100)));
        assertTrue(Totp.verify(SEED, "abcdef", 1000, 0).isEmpty());
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))); // RFC 4648 10
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.encode(SEED));
        assertArrayEquals(SEED, Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
    }

    @Test
    void recoveryCodesAreTenDistinctFiftyBitCodes() {
        java.util.List<String> codes = RecoveryCodes.generate();
        assertEquals(RecoveryCodes.COUNT, new java.util.HashSet<>(codes).size());
        for (String c : codes) {
            assertTrue(c.matches("[a-z2-7]{5}-[a-z2-7]{5}"), c);
            assertEquals(c.replace("-", "").toUpperCase(java.util.Locale.ROOT), RecoveryCodes.normalize(" " + c.toUpperCase(java.util.Locale.ROOT) + " "));
        }
        assertNull(RecoveryCodes.normalize("abcde-abcd1"));
        assertNull(RecoveryCodes.normalize("123456"));
        assertNull(RecoveryCodes.normalize(null));
    }

    @Test
    void otpauthUriNamesIssuerAccountAndParameters() {
        assertEquals("otpauth://totp/Gatehouse%20Demo:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Gatehouse%20Demo&algorithm=SHA1&digits=6&period=30",
                OtpAuthUri.of("Gatehouse Demo", "alice@example.com", SEED));
    }
}
