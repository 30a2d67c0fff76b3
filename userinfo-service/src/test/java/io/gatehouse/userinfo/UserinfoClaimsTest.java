package io.gatehouse.userinfo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.claims.ClaimMappingSource;
import io.gatehouse.model.entity.ClaimMappingEntity;
import io.gatehouse.model.repository.ClaimMappingRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.userinfo.UserinfoFixtures.Minted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which claims userinfo returns: per scope (OIDC Core 5.4), per claims request (5.5), through the mapping. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class UserinfoClaimsTest {

    @Inject
    UserinfoFixtures fixtures;
    @Inject
    ClaimMappingRepository mappings;
    @Inject
    ClaimMappingSource mappingSource;

    ValidatableResponse userinfo(Minted t) {
        return given().header("Authorization", "Bearer " + t.token()).get("/userinfo").then().statusCode(200);
    }

    Set<String> keys(Minted t) {
        Map<String, Object> body = userinfo(t).extract().jsonPath().getMap("");
        return body.keySet();
    }

    @Test
    void openidScopeAloneReturnsOnlySub() {
        Minted t = fixtures.accessToken("openid");
        assertEquals(Set.of("sub"), keys(t));
    }

    @Test
    void profileScopeReturnsProfileClaims() {
        Minted t = fixtures.accessToken("openid profile");
        userinfo(t).body("name", equalTo("Alice Liddell")).body("given_name", equalTo("Alice"))
                .body("family_name", equalTo("Liddell")).body("preferred_username", equalTo("alice"))
                .body("locale", equalTo("en-GB")).body("updated_at", equalTo(1_700_000_000))
                .body("$", not(hasKey("email")));
    }

    @Test
    void emailScopeReturnsEmailAndBooleanEmailVerified() {
        Minted t = fixtures.accessToken("openid email");
        assertEquals(Set.of("sub", "email", "email_verified"), keys(t));
        userinfo(t).body("email", equalTo("alice@example.com")).body("email_verified", equalTo(true));
    }

    @Test
    void addressScopeReturnsAddressObject() {
        Minted t = fixtures.accessToken("openid address");
        assertEquals(Set.of("sub", "address"), keys(t));
        userinfo(t).body("address.formatted", equalTo("1 Rabbit Hole, Oxford OX1 1AA, UK"))
                .body("address.street_address", equalTo("1 Rabbit Hole")).body("address.locality", equalTo("Oxford"))
                .body("address.region", equalTo("Oxfordshire")).body("address.postal_code", equalTo("OX1 1AA"))
                .body("address.country", equalTo("GB"));
    }

    @Test
    void phoneScopeReturnsPhoneNumber() {
        Minted t = fixtures.accessToken("openid phone");
        assertEquals(Set.of("sub", "phone_number"), keys(t));
        userinfo(t).body("phone_number", equalTo("+1 555 0100"));
    }

    @Test
    void allScopesReturnEveryClaimTheUserHas() {
        Minted t = fixtures.accessToken("openid profile email address phone");
        assertEquals(Set.of("sub", "name", "given_name", "family_name", "preferred_username", "locale", "updated_at",
                "email", "email_verified", "phone_number", "address"), keys(t));
    }

    @Test
    void absentAttributesAreOmittedNotEmpty() {
        Minted t = fixtures.accessToken(Map.of("uid", "bob", "mail", ""), "openid profile email phone address", null, Map.of());
        assertEquals(Set.of("sub", "preferred_username", "updated_at"), keys(t));
    }

    @Test
    void essentialClaimRequestAddsNameWithoutProfileScope() {
        Minted t = fixtures.accessToken(UserinfoFixtures.alice(), "openid",
                "{\"userinfo\":{\"name\":{\"essential\":true}}}", Map.of());
        assertEquals(Set.of("sub", "name"), keys(t));
        userinfo(t).body("name", equalTo("Alice Liddell"));
    }

    @Test
    void claimRequestWithValueWithholdsOtherValues() {
        Minted t = fixtures.accessToken(UserinfoFixtures.alice(), "openid profile",
                "{\"userinfo\":{\"locale\":{\"value\":\"fr\"},\"given_name\":{\"value\":\"Alice\",\"essential\":true},"
                        + "\"email\":{\"values\":[\"x@example.com\",\"alice@example.com\"]}}}", Map.of());
        userinfo(t).body("$", not(hasKey("locale"))).body("given_name", equalTo("Alice"))
                .body("email", equalTo("alice@example.com"));
    }

    @Test
    void idTokenMemberOfClaimsRequestDoesNotReachUserinfo() {
        Minted t = fixtures.accessToken(UserinfoFixtures.alice(), "openid", "{\"id_token\":{\"email\":null}}", Map.of());
        assertEquals(Set.of("sub"), keys(t));
    }

    @Test
    void mappingConvertsAttributeTypes() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("mail", List.of("bob@example.com", "bob@example.org"));
        attributes.put("emailVerified", "TRUE");
        attributes.put("phoneNumberVerified", "0");
        attributes.put("telephoneNumber", 5550100);
        attributes.put("modifyTimestamp", "20231114221320Z");
        Minted t = fixtures.accessToken(attributes, "openid email phone profile", null, Map.of());
        userinfo(t).body("email", equalTo("bob@example.com")).body("email_verified", equalTo(true))
                .body("phone_number", equalTo("5550100")).body("phone_number_verified", equalTo(false))
                .body("updated_at", equalTo(1_700_000_000));
    }

    @Test
    void operatorMappingRowsTakeEffect() {
        QuarkusTransaction.requiringNew().run(() -> {
            ClaimMappingEntity groups = new ClaimMappingEntity();
            groups.claim = "groups";
            groups.sourceAttributes = List.of("memberOf");
            groups.valueType = "json";
            mappings.persist(groups);
        });
        try {
            Map<String, Object> attributes = new HashMap<>(UserinfoFixtures.alice());
            attributes.put("memberOf", List.of("admins", "staff"));
            Minted t = fixtures.accessToken(attributes, "openid", "{\"userinfo\":{\"groups\":null}}", Map.of());
            userinfo(t).body("groups", equalTo(List.of("admins", "staff")));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> mappings.deleteById("groups"));
        }
    }

    @Test
    void invalidMappingIsAStartUpError() {
        QuarkusTransaction.requiringNew().run(() -> {
            ClaimMappingEntity bad = new ClaimMappingEntity();
            bad.claim = "address.city";
            bad.sourceAttributes = List.of("l");
            bad.valueType = "string";
            mappings.persist(bad);
        });
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> mappingSource.loadAtStart());
            assertTrue(e.getMessage().contains("address.city"), e.getMessage());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> mappings.deleteById("address.city"));
        }
        mappingSource.loadAtStart();
    }
}
