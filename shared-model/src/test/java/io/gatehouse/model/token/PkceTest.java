package io.gatehouse.model.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

    /** RFC 7636 Appendix B. */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256ChallengeMatchesTheRfcExample() {
        assertEquals(CHALLENGE, Pkce.s256Challenge(VERIFIER));
        assertTrue(Pkce.verify(CHALLENGE, "S256", VERIFIER));
    }

    @Test
    void wrongVerifierDoesNotMatch() {
        assertFalse(Pkce.verify(CHALLENGE, "S256", VERIFIER.replace('d', 'e')));
    }

    @Test
    void s256ChallengeIsNotAcceptedAsAPlainVerifier() {
        assertFalse(Pkce.verify(CHALLENGE, "S256", CHALLENGE));
    }

    @Test
    void plainComparesTheVerifierItselfAndIsTheDefaultMethod() {
        assertTrue(Pkce.verify(VERIFIER, "plain", VERIFIER));
        assertTrue(Pkce.verify(VERIFIER, null, VERIFIER)); // RFC 7636 4.3
        assertFalse(Pkce.verify(VERIFIER, "plain", CHALLENGE));
    }

    @Test
    void malformedVerifiersNeverMatch() {
        String tooShort = "a".repeat(42);
        assertFalse(Pkce.verify(tooShort, "plain", tooShort));
        String tooLong = "a".repeat(129);
        assertFalse(Pkce.verify(tooLong, "plain", tooLong));
        String badChar = "a".repeat(42) + "+";
        assertFalse(Pkce.verify(badChar, "plain", badChar));
        assertFalse(Pkce.verify(CHALLENGE, "S256", null));
        assertTrue(Pkce.wellFormed("a".repeat(43)) && Pkce.wellFormed("~._-".repeat(32)));
    }

    @Test
    void unknownMethodNeverMatches() {
        assertFalse(Pkce.verify(VERIFIER, "S512", VERIFIER));
        assertFalse(Pkce.supportedMethod("s256"));
    }
}
