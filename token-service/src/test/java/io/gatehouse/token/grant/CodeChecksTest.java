package io.gatehouse.token.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatehouse.model.entity.AuthorizationCodeEntity;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.token.Pkce;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The rules a code must pass before it is consumed (RFC 6749 4.1.3, RFC 7636 4.6, RFC 9700 2.1.1). */
class CodeChecksTest {

    static final String URI = "https://rp.example/cb";
    static final String VERIFIER = "v".repeat(43);

    static AuthorizationCodeEntity code(String challenge, String method) {
        AuthorizationCodeEntity c = new AuthorizationCodeEntity();
        c.redirectUri = URI;
        c.codeChallenge = challenge;
        c.codeChallengeMethod = method;
        c.expiresAt = Instant.now().plusSeconds(60);
        return c;
    }

    static String error(Executable check) {
        return assertThrows(OAuthException.class, check).error().code();
    }

    @Test
    void redirectUriMustBeIdentical() {
        CodeChecks.redirectUriMatches(code(null, null), URI, List.of(URI, "https://rp.example/2"));
        assertEquals("invalid_grant", error(() -> CodeChecks.redirectUriMatches(code(null, null), URI + "/", List.of(URI))));
    }

    @Test
    void redirectUriMayBeOmittedOnlyForASingleRegisteredUri() {
        CodeChecks.redirectUriMatches(code(null, null), null, List.of(URI));
        assertEquals("invalid_request", error(() -> CodeChecks.redirectUriMatches(code(null, null), null,
                List.of(URI, "https://rp.example/2"))));
        assertEquals("invalid_request", error(() -> CodeChecks.redirectUriMatches(code(null, null), null,
                List.of("https://rp.example/2"))));
    }

    @Test
    void pkceIsCheckedByTheStoredMethod() {
        CodeChecks.pkce(code(Pkce.s256Challenge(VERIFIER), "S256"), VERIFIER, true);
        CodeChecks.pkce(code(VERIFIER, "plain"), VERIFIER, true);
        assertEquals("invalid_grant", error(() -> CodeChecks.pkce(code(VERIFIER, "S256"), VERIFIER, false)));
        assertEquals("invalid_grant", error(() -> CodeChecks.pkce(code(Pkce.s256Challenge(VERIFIER), "S256"), null, false)));
    }

    @Test
    void publicClientsMustUsePkceAndNoVerifierWithoutChallenge() {
        CodeChecks.pkce(code(null, null), null, false);
        assertEquals("invalid_grant", error(() -> CodeChecks.pkce(code(null, null), null, true)));
        assertEquals("invalid_grant", error(() -> CodeChecks.pkce(code(null, null), VERIFIER, false)));
    }

    @Test
    void expiredCodeIsInvalidGrant() {
        AuthorizationCodeEntity c = code(null, null);
        c.expiresAt = Instant.now();
        assertEquals("invalid_grant", error(() -> CodeChecks.notExpired(c)));
    }
}
