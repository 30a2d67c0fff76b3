package io.gatehouse.token;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.token.TokenFixtures.TestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The client credentials grant (RFC 6749 4.4, RFC 9068 2.2). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ClientCredentialsGrantTest {

    static final Map<String, String> GRANT = Map.of("grant_type", "client_credentials");

    @Inject
    TokenFixtures fixtures;

    TestClient service() {
        return fixtures.client("client_secret_post", List.of("client_credentials"), "api.read api.write", Map.of());
    }

    @Test
    void tokenIsForTheClientItselfWithAllRegisteredScopesByDefault() throws Exception {
        TestClient c = service();
        JsonPath r = TokenCalls.token(c, GRANT).then().statusCode(200).body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("api.read api.write")).body("refresh_token", nullValue()).body("id_token", nullValue())
                .extract().jsonPath();
        JWTClaimsSet at = fixtures.verified(r.getString("access_token"));
        assertEquals(c.clientId(), at.getSubject());
        assertEquals(c.clientId(), at.getStringClaim("client_id"));
        GrantEntity grant = fixtures.grant(UUID.fromString(at.getStringClaim("grant_id")));
        assertNull(grant.userId, "a grant without a user backs the token");
        assertEquals(c.clientId(), grant.clientId);
        TokenCalls.introspect(c, r.getString("access_token")).then().body("active", equalTo(true))
                .body("sub", equalTo(c.clientId()));
    }

    @Test
    void scopeMayBeNarrowedWithinTheRegistration() {
        TokenCalls.token(service(), Map.of("grant_type", "client_credentials", "scope", "api.read")).then().statusCode(200)
                .body("scope", equalTo("api.read"));
    }

    @Test
    void scopeOutsideTheRegistrationIsInvalidScope() {
        TokenCalls.token(service(), Map.of("grant_type", "client_credentials", "scope", "api.read api.admin")).then()
                .statusCode(400).body("error", equalTo("invalid_scope"));
        TokenCalls.token(service(), Map.of("grant_type", "client_credentials", "scope", "bad\"scope")).then()
                .statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void publicClientCannotUseClientCredentials() {
        TestClient pub = fixtures.client("none", List.of("client_credentials"), "api.read", Map.of());
        TokenCalls.token(pub, GRANT).then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }
}
