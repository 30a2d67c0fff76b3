package io.gatehouse.token.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.error.OAuthException;
import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void scopeTokensAreSpaceDelimitedAndOrdered() {
        assertEquals("openid profile", Scope.parse("openid  profile openid").toString());
        assertEquals("", Scope.parse(null).toString());
    }

    @Test
    void narrowerScopeIsWithinWiderOneButNotTheOtherWayRound() {
        assertTrue(Scope.parse("profile").within(Scope.parse("openid profile")));
        assertTrue(Scope.parse("").within(Scope.parse("openid")));
        assertFalse(Scope.parse("openid email").within(Scope.parse("openid profile")));
        assertFalse(Scope.parse("OPENID").within(Scope.parse("openid")), "scope tokens are case-sensitive");
    }

    @Test
    void malformedScopeTokenIsInvalidScope() {
        for (String bad : new String[] {"a\"b", "a\\b", "é", "a\tb"}) {
            assertEquals("invalid_scope", assertThrows(OAuthException.class, () -> Scope.parse(bad)).error().code(), bad);
        }
    }
}
