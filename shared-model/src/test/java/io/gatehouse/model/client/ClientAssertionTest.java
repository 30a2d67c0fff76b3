package io.gatehouse.model.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatehouse.model.error.OAuthException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ClientAssertionTest {

    static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    static final Set<String> AUDIENCES = Set.of("https://op.example", "https://op.example/token");

    static Map<String, Object> claims(Consumer<Map<String, Object>> change) {
        Map<String, Object> c = new HashMap<>(Map.of("iss", "c1", "sub", "c1", "aud", "https://op.example/token",
                "exp", NOW.getEpochSecond() + 60, "iat", NOW.getEpochSecond(), "jti", "j1"));
        change.accept(c);
        return c;
    }

    static void refused(Consumer<Map<String, Object>> change) {
        OAuthException e = assertThrows(OAuthException.class,
                () -> ClientAssertion.validate(claims(change), "c1", AUDIENCES, NOW));
        assertEquals("invalid_client", e.error().code());
    }

    @Test
    void validAssertionGivesItsJtiAndExpiry() {
        ClientAssertion a = ClientAssertion.validate(claims(c -> { }), "c1", AUDIENCES, NOW);
        assertEquals("j1", a.jti());
        assertEquals(NOW.plusSeconds(60).plus(ClientAssertion.CLOCK_SKEW), a.expiresAt());
    }

    @Test
    void audienceMayBeTheIssuerOrAnArrayOfAcceptedValues() {
        ClientAssertion.validate(claims(c -> c.put("aud", "https://op.example")), "c1", AUDIENCES, NOW);
        ClientAssertion.validate(claims(c -> c.put("aud", List.of("https://op.example", "https://op.example/token"))), "c1", AUDIENCES, NOW);
    }

    @Test
    void issAndSubMustBeTheClientId() {
        refused(c -> c.put("iss", "c2"));
        refused(c -> c.put("sub", "c2"));
        refused(c -> c.remove("sub"));
    }

    @Test
    void audienceMustNameThisServer() {
        refused(c -> c.put("aud", "https://other.example/token"));
        refused(c -> c.put("aud", List.of("https://other.example")));
        // Issue 16.11: also addressed to another party is not addressed to this server alone.
        refused(c -> c.put("aud", List.of("x", "https://op.example/token")));
        refused(c -> c.put("aud", List.of()));
        refused(c -> c.remove("aud"));
    }

    @Test
    void expiryIsRequiredAndChecked() {
        refused(c -> c.remove("exp"));
        refused(c -> c.put("exp", NOW.getEpochSecond() - 120));
        refused(c -> c.put("exp", "soon"));
        refused(c -> c.put("exp", NOW.plus(ClientAssertion.MAX_LIFETIME).getEpochSecond() + 3600));
    }

    @Test
    void notBeforeAndIssuedAtMayNotBeInTheFuture() {
        refused(c -> c.put("nbf", NOW.getEpochSecond() + 600));
        refused(c -> c.put("iat", NOW.getEpochSecond() + 600));
        ClientAssertion.validate(claims(c -> c.put("nbf", NOW.getEpochSecond() + 5)), "c1", AUDIENCES, NOW); // clock skew
    }

    @Test
    void jtiIsRequired() {
        refused(c -> c.remove("jti"));
        refused(c -> c.put("jti", ""));
        refused(c -> c.put("jti", "x".repeat(300)));
    }

    @Test
    void payloadThatIsNoObjectIsRefused() {
        assertThrows(OAuthException.class, () -> ClientAssertion.validate(null, "c1", AUDIENCES, NOW));
    }

    @Test
    void timesThatAreNoDatesAreRefusedNotAServerError() {
        for (Object t : List.of(1e300, -1e300, Double.NaN, new java.math.BigInteger("99999999999999999999999"), Long.MAX_VALUE,
                Long.MIN_VALUE, "1800000060")) {
            refused(c -> c.put("exp", t));
            refused(c -> c.put("nbf", t));
            refused(c -> c.put("iat", t));
        }
    }
}
