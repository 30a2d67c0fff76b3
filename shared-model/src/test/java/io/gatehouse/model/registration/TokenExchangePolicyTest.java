package io.gatehouse.model.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenExchangePolicyTest {

    @Test
    void nobodyWithoutAPolicyOrWithABrokenOne() {
        assertEquals(TokenExchangePolicy.NOBODY, TokenExchangePolicy.of(Map.of()));
        assertEquals(TokenExchangePolicy.NOBODY, TokenExchangePolicy.of(null));
        assertEquals(TokenExchangePolicy.NOBODY, TokenExchangePolicy.of(Map.of("token_exchange", "all")));
        assertFalse(TokenExchangePolicy.NOBODY.allowsSubjectClient("a"));
    }

    @Test
    void parsesAndRoundTrips() {
        TokenExchangePolicy p = TokenExchangePolicy.parse(Map.of("subject_clients", List.of("a", "b"), "audiences",
                List.of("https://api"), "impersonation", true));
        assertTrue(p.allowsSubjectClient("a"));
        assertFalse(p.allowsSubjectClient("c"));
        assertTrue(p.impersonation());
        assertFalse(p.delegation());
        assertEquals(Set.of("https://api"), p.audiences());
        assertEquals(p, TokenExchangePolicy.parse(p.toJson()));
        assertTrue(TokenExchangePolicy.parse(Map.of("subject_clients", List.of("*"))).allowsSubjectClient("anyone"));
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThrows(IllegalArgumentException.class, () -> TokenExchangePolicy.parse(List.of()));
        assertThrows(IllegalArgumentException.class, () -> TokenExchangePolicy.parse(Map.of("subject_clients", "a")));
        assertThrows(IllegalArgumentException.class, () -> TokenExchangePolicy.parse(Map.of("subject_clients", List.of(""))));
        assertThrows(IllegalArgumentException.class, () -> TokenExchangePolicy.parse(Map.of("impersonation", "yes")));
        assertThrows(IllegalArgumentException.class, () -> TokenExchangePolicy.parse(Map.of("may_act", true)));
    }
}
