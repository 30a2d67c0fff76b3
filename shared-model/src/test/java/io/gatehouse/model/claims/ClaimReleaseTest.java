package io.gatehouse.model.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimReleaseTest {

    static final String SUB = "5f0c6c55-8a0e-4a51-9f0b-6c7a7a3c2b10";
    static final Map<String, Object> ALICE = ClaimMappings.defaults().apply(ClaimMappingsTest.alice());

    static ReleasedClaims release(String scope, String claims, boolean accessTokenIssued) {
        return ClaimRelease.release(SUB, ALICE, List.of(scope.split(" ")), ClaimsRequest.parse(claims), accessTokenIssued);
    }

    @Test
    void openidAloneReleasesOnlySub() {
        ReleasedClaims r = release("openid", null, true);
        assertEquals(Map.of("sub", SUB), r.userinfo());
        assertEquals(Map.of(), r.idToken());
    }

    @Test
    void profileScopeReleasesProfileClaims() {
        Map<String, Object> u = release("openid profile", null, true).userinfo();
        assertEquals(Set.of("sub", "name", "given_name", "family_name", "preferred_username", "locale"), u.keySet());
    }

    @Test
    void emailScopeReleasesEmailAndEmailVerifiedAsBoolean() {
        Map<String, Object> u = release("openid email", null, true).userinfo();
        assertEquals(Map.of("sub", SUB, "email", "alice@example.com", "email_verified", true), u);
    }

    @Test
    void addressScopeReleasesAddressObject() {
        Map<String, Object> u = release("openid address", null, true).userinfo();
        assertEquals(Set.of("sub", "address"), u.keySet());
        assertTrue(u.get("address") instanceof Map<?, ?> a && a.get("country").equals("GB"));
    }

    @Test
    void phoneScopeReleasesPhoneNumber() {
        assertEquals(Map.of("sub", SUB, "phone_number", "+1 555 0100"), release("openid phone", null, true).userinfo());
    }

    @Test
    void scopeClaimsGoToUserinfoWhenAnAccessTokenIsIssued() {
        ReleasedClaims r = release("openid email", null, true);
        assertTrue(r.userinfo().containsKey("email"));
        assertFalse(r.idToken().containsKey("email"));
    }

    @Test
    void scopeClaimsGoToTheIdTokenWhenNoAccessTokenIsIssued() {
        ReleasedClaims r = release("openid email", null, false);
        assertEquals(Map.of("email", "alice@example.com", "email_verified", true), r.idToken());
    }

    @Test
    void idTokenClaimsNeverCarrySubOrProtocolClaims() {
        ReleasedClaims r = release("openid profile", "{\"id_token\":{\"sub\":null,\"acr\":{\"essential\":true},\"name\":null}}", false);
        assertFalse(r.idToken().containsKey("sub"));
        assertFalse(r.idToken().containsKey("acr"));
        assertEquals("Alice Liddell", r.idToken().get("name"));
    }

    @Test
    void essentialClaimRequestAddsClaimBeyondTheScopes() {
        ReleasedClaims r = release("openid", "{\"userinfo\":{\"name\":{\"essential\":true}}}", true);
        assertEquals(Map.of("sub", SUB, "name", "Alice Liddell"), r.userinfo());
        assertEquals(Map.of(), r.idToken());
    }

    @Test
    void idTokenMemberAddsClaimToTheIdTokenOnly() {
        ReleasedClaims r = release("openid", "{\"id_token\":{\"email\":null}}", true);
        assertEquals(Map.of("email", "alice@example.com"), r.idToken());
        assertEquals(Map.of("sub", SUB), r.userinfo());
    }

    @Test
    void claimRequestedWithAnotherValueIsNotReleased() {
        ReleasedClaims r = release("openid profile", "{\"userinfo\":{\"locale\":{\"value\":\"fr\"},"
                + "\"given_name\":{\"value\":\"Alice\",\"essential\":true}}}", true);
        assertFalse(r.userinfo().containsKey("locale"), "a value other than the requested one is withheld");
        assertEquals("Alice", r.userinfo().get("given_name"));
    }

    @Test
    void claimRequestedWithValuesIsReleasedWhenOneMatches() {
        ReleasedClaims r = release("openid", "{\"userinfo\":{\"locale\":{\"values\":[\"fr\",\"en-GB\"]},"
                + "\"email_verified\":{\"value\":true}}}", true);
        assertEquals("en-GB", r.userinfo().get("locale"));
        assertEquals(true, r.userinfo().get("email_verified"));
    }

    @Test
    void missingEssentialClaimIsOmittedWithoutError() {
        ReleasedClaims r = release("openid", "{\"userinfo\":{\"nickname\":{\"essential\":true},\"birthdate\":null}}", true);
        assertEquals(Map.of("sub", SUB), r.userinfo());
    }

    @Test
    void allScopesTogether() {
        Map<String, Object> u = release("openid profile email address phone", null, true).userinfo();
        assertEquals(Set.of("sub", "name", "given_name", "family_name", "preferred_username", "locale", "email",
                "email_verified", "phone_number", "address"), u.keySet());
    }

    @Test
    void scopeClaimsFollowOidcCore54() {
        assertEquals(Set.of("phone_number", "phone_number_verified"), ClaimRelease.scopeClaims(List.of("openid", "phone")));
        assertEquals(14, ClaimRelease.scopeClaims(List.of("profile")).size());
        assertEquals(Set.of(), ClaimRelease.scopeClaims(List.of("openid", "offline_access", "api.read")));
    }
}
