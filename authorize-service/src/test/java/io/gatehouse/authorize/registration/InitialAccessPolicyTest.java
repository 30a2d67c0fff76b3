package io.gatehouse.authorize.registration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatehouse.model.bearer.BearerChallenge;
import io.gatehouse.model.crypto.Sha256;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7591 3: open registration, or a configured initial access token. */
class InitialAccessPolicyTest {

    static final InitialAccessPolicy CLOSED = new InitialAccessPolicy(false, List.of(Sha256.hash("one"), " " + Sha256.hash("two")));

    @Test
    void openRegistrationNeedsNoToken() {
        assertDoesNotThrow(() -> new InitialAccessPolicy(true, List.of()).check(List.of(), List.of()));
    }

    @Test
    void closedRegistrationAcceptsEveryConfiguredToken() {
        assertDoesNotThrow(() -> CLOSED.check(List.of("Bearer one"), null));
        assertDoesNotThrow(() -> CLOSED.check(List.of("Bearer two"), null));
    }

    @Test
    void closedRegistrationWithoutTokenGetsTheBareChallenge() {
        BearerChallenge c = assertThrows(BearerChallenge.class, () -> CLOSED.check(List.of(), null));
        assertEquals(401, c.status());
        assertNull(c.error());
    }

    @Test
    void unknownTokenIsInvalidToken() {
        BearerChallenge c = assertThrows(BearerChallenge.class, () -> CLOSED.check(List.of("Bearer three"), null));
        assertEquals("invalid_token", c.error());
        BearerChallenge none = assertThrows(BearerChallenge.class,
                () -> new InitialAccessPolicy(false, List.of()).check(List.of("Bearer one"), null));
        assertEquals("invalid_token", none.error());
    }

    @Test
    void tokenInTheQueryIsInvalidRequest() {
        BearerChallenge c = assertThrows(BearerChallenge.class, () -> CLOSED.check(List.of(), List.of("one")));
        assertEquals("invalid_request", c.error());
    }
}
