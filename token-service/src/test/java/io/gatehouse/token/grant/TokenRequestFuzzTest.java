package io.gatehouse.token.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.entity.AuthorizationCodeEntity;
import io.gatehouse.model.error.OAuthException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Properties of the token endpoint's pure parsing (RFC 6749 3.2, 3.3, 4.1.3; RFC 7636 4.6) over thousands of
 * generated hostile bodies: a token request, a scope or a code check either answers or refuses with an
 * OAuthException of the spec's code, never anything else; parsing is idempotent. Seeded: {@code -Dfuzz.seed=N}
 * replays a run and a failure names the seed. The timeout only guards against a hang.
 */
@Timeout(120)
class TokenRequestFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_261_123L);
    static final int RUNS = Integer.getInteger("fuzz.runs", 3000);
    static final List<String> NAMES = List.of("grant_type", "code", "redirect_uri", "code_verifier", "refresh_token", "scope",
            "client_id", "client_secret", "client_assertion", "client_assertion_type", "device_code");
    static final List<String> VALUES = List.of("", " ", "authorization_code", "refresh_token", "client_credentials",
            "urn:ietf:params:oauth:grant-type:device_code", "openid", "openid  profile", "\u0000", "%00", "\uD800", "a\"b",
            "a\\b", " openid", "https://rp.example/cb", "x".repeat(200), "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    static final String CHARS = "abcXYZ019-._~+/=%&;: \"\\\t\r\n\u0000\u0001\u007f\u00e9\uD800\uDC00\u4e2d";

    static void forAll(String property, Consumer<Random> body) {
        long seed = SEED ^ property.hashCode();
        Random random = new Random(seed);
        for (int i = 0; i < RUNS; i++) {
            try {
                body.accept(random);
            } catch (Throwable t) {
                throw new AssertionError(property + " failed at run " + i + " (fuzz.seed=" + SEED + ", generator seed " + seed + "): " + t, t);
            }
        }
    }

    static String string(Random r) {
        if (r.nextInt(3) == 0) {
            return VALUES.get(r.nextInt(VALUES.size()));
        }
        int n = r.nextInt(10) == 0 ? r.nextInt(2000) : r.nextInt(30);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x10000) : CHARS.charAt(r.nextInt(CHARS.length())));
        }
        return b.toString();
    }

    static Map<String, List<String>> form(Random r) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            String name = r.nextInt(5) == 0 ? string(r) : NAMES.get(r.nextInt(NAMES.size()));
            List<String> values = new ArrayList<>();
            for (int k = r.nextInt(8) == 0 ? r.nextInt(4) : 1; k > 0; k--) {
                values.add(r.nextInt(15) == 0 ? null : string(r));
            }
            form.put(name, values);
        }
        return form;
    }

    @Test
    void tokenRequestsParseOrAreInvalidRequestAndParsingIsIdempotent() {
        forAll("TokenRequest.parse", r -> {
            Map<String, List<String>> form = form(r);
            TokenRequest request;
            try {
                request = TokenRequest.parse(form);
            } catch (OAuthException e) {
                assertEquals("invalid_request", e.error().code());
                assertTrue(e.error().description().chars().allMatch(c -> c >= 0x20 && c <= 0x7e), "a printable error_description");
                return;
            }
            assertNotNull(request.grantType());
            request.parameters().forEach((k, v) -> assertFalse(k.isEmpty() || v.isEmpty(), "empty means omitted"));
            Map<String, List<String>> again = new LinkedHashMap<>();
            request.parameters().forEach((k, v) -> again.put(k, List.of(v)));
            assertEquals(request, TokenRequest.parse(again));
            String name = NAMES.get(r.nextInt(NAMES.size()));
            try {
                assertEquals(request.optional(name), request.required(name));
            } catch (OAuthException e) {
                assertEquals("invalid_request", e.error().code());
            }
        });
    }

    @Test
    void scopesParseOrAreInvalidScopeAndRoundTrip() {
        forAll("Scope.parse", r -> {
            String value = string(r);
            Scope scope;
            try {
                scope = Scope.parse(value);
            } catch (OAuthException e) {
                assertEquals("invalid_scope", e.error().code());
                return;
            }
            assertEquals(scope, Scope.parse(scope.toString()), "RFC 6749 3.3: the scope it prints is the scope it read");
            assertTrue(scope.within(scope));
        });
    }

    @Test
    void codeChecksRefuseOnlyWithTheSpecsErrors() {
        forAll("CodeChecks", r -> {
            AuthorizationCodeEntity code = new AuthorizationCodeEntity();
            code.redirectUri = r.nextBoolean() ? "https://rp.example/cb" : string(r);
            code.expiresAt = Instant.now().plusSeconds(r.nextInt(120) - 60);
            code.codeChallenge = r.nextBoolean() ? null : string(r);
            code.codeChallengeMethod = List.of("S256", "plain", "", "s256").get(r.nextInt(4));
            String redirect = r.nextInt(3) == 0 ? null : r.nextBoolean() ? code.redirectUri : string(r);
            List<String> registered = r.nextBoolean() ? List.of("https://rp.example/cb") : List.of(string(r), string(r));
            String verifier = r.nextInt(3) == 0 ? null : string(r);
            for (Runnable check : List.<Runnable>of(() -> CodeChecks.notExpired(code),
                    () -> CodeChecks.redirectUriMatches(code, redirect, registered),
                    () -> CodeChecks.pkce(code, verifier, r.nextBoolean()))) {
                try {
                    check.run();
                } catch (OAuthException e) {
                    assertTrue(List.of("invalid_grant", "invalid_request").contains(e.error().code()), e.error().toString());
                }
            }
        });
    }
}
