package io.gatehouse.model.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndSessionPolicyTest {

    static final String ISS = "https://op.example";
    static final String GOOD_HINT = "good";
    static final String FOREIGN_HINT = "foreign";

    final EndSessionPolicy policy = new EndSessionPolicy(ISS,
            hint -> switch (hint) {
                case GOOD_HINT -> Map.of("iss", ISS, "aud", "rp", "sub", "alice", "sid", "s1", "exp", 1L);
                case FOREIGN_HINT -> Map.of("iss", "https://evil.example", "aud", "rp", "sub", "alice");
                default -> null;
            },
            client -> client.equals("rp") ? List.of("https://rp.example/bye") : null);

    EndSessionDecision decide(String hint, String clientId, String redirect, String state) {
        return policy.decide(new EndSessionRequest(hint, null, clientId, redirect, state, null));
    }

    @Test
    void validHintAndRegisteredRedirectLogsOutWithoutConfirmationAndEchoesState() {
        EndSessionDecision d = decide(GOOD_HINT, null, "https://rp.example/bye", "xyz");
        assertFalse(d.confirmationRequired());
        assertEquals("https://rp.example/bye", d.redirectUri());
        assertEquals("xyz", d.state());
        assertEquals("alice", d.sub());
        assertEquals("s1", d.sid());
        assertNull(d.error());
    }

    @Test
    void stateIsAbsentWhenNotSent() {
        assertNull(decide(GOOD_HINT, null, "https://rp.example/bye", null).state());
    }

    @Test
    void expiredButAuthenticHintIsAccepted() {
        // exp 1 (1970) in GOOD_HINT: the policy never looks at exp.
        assertFalse(decide(GOOD_HINT, "rp", null, null).confirmationRequired());
    }

    @Test
    void tamperedOrForeignHintNeverRedirects() {
        for (String hint : new String[] {"tampered", FOREIGN_HINT}) {
            EndSessionDecision d = decide(hint, null, "https://rp.example/bye", "xyz");
            assertNull(d.redirectUri(), hint);
            assertTrue(d.confirmationRequired());
            assertNotNull(d.error());
        }
    }

    @Test
    void unregisteredOrModifiedRedirectNeverRedirects() {
        assertNull(decide(GOOD_HINT, null, "https://rp.example/bye?foo=bar", "s").redirectUri());
        assertNull(decide(GOOD_HINT, null, "https://evil.example/", "s").redirectUri());
    }

    @Test
    void redirectWithoutHintOrClientIdIsRefused() {
        EndSessionDecision d = decide(null, null, "https://rp.example/bye", "s");
        assertNull(d.redirectUri());
        assertNotNull(d.error());
    }

    @Test
    void clientIdWithoutHintRedirectsOnlyAfterConfirmation() {
        EndSessionDecision d = decide(null, "rp", "https://rp.example/bye", "s");
        assertTrue(d.confirmationRequired());
        assertEquals("https://rp.example/bye", d.redirectUri());
    }

    @Test
    void clientIdMustMatchTheHint() {
        assertNotNull(decide(GOOD_HINT, "other", null, null).error());
    }

    @Test
    void noParametersMeansConfirmThenLoggedOutPage() {
        EndSessionDecision d = decide(null, null, null, "only-state");
        assertTrue(d.confirmationRequired());
        assertNull(d.redirectUri());
        assertNull(d.state());
    }

    @Test
    void repeatedParameterIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> EndSessionRequest.parse(Map.of("state", List.of("a", "b"))));
    }
}
