package io.gatehouse.userinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.claims.ClaimsRequest;
import io.gatehouse.model.claims.ClaimsResolver;
import io.gatehouse.model.claims.ReleasedClaims;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entry point the authorization and token endpoints call for ID token claims, with the seeded mapping. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ClaimsResolverTest {

    @Inject
    ClaimsResolver resolver;
    @Inject
    UserinfoFixtures fixtures;

    @Test
    void idTokenGetsScopeClaimsWhenNoAccessTokenIsIssued() {
        UserEntity alice = fixtures.user(UserinfoFixtures.alice());
        ReleasedClaims r = resolver.resolve(alice, List.of("openid", "email"), ClaimsRequest.NONE, false);
        assertEquals(Map.of("email", "alice@example.com", "email_verified", true), r.idToken());
        assertEquals(Map.of("sub", alice.id.toString()), r.userinfo());
    }

    @Test
    void idTokenGetsClaimsRequestedForIt() {
        UserEntity alice = fixtures.user(UserinfoFixtures.alice());
        ReleasedClaims r = resolver.resolve(alice, List.of("openid"),
                ClaimsRequest.parse("{\"id_token\":{\"name\":{\"essential\":true},\"auth_time\":{\"essential\":true}}}"), true);
        assertEquals(Map.of("name", "Alice Liddell"), r.idToken());
    }

    @Test
    void usersUpdatedAtIsTheDefaultUpdatedAtClaim() {
        UserEntity alice = fixtures.user(UserinfoFixtures.alice());
        assertEquals(1_700_000_000L, resolver.resolve(alice, List.of("openid", "profile"), null, true).userinfo().get("updated_at"));
    }

    @Test
    void supportedClaimsListSubAndEveryMappedClaim() {
        assertTrue(resolver.supportedClaims().containsAll(List.of("sub", "name", "email", "email_verified", "address",
                "phone_number", "updated_at", "locale")));
    }
}
