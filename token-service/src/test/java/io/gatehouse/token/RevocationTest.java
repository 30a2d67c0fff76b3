package io.gatehouse.token;

import static io.gatehouse.token.TokenCalls.introspect;
import static io.gatehouse.token.TokenCalls.redeem;
import static io.gatehouse.token.TokenCalls.refresh;
import static io.gatehouse.token.TokenCalls.revoke;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.token.TokenFixtures.Code;
import io.gatehouse.token.TokenFixtures.Issued;
import io.gatehouse.token.TokenFixtures.TestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Token revocation (RFC 7009). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RevocationTest {

    @Inject
    TokenFixtures fixtures;

    TestClient client;
    Issued issued;

    JsonPath tokens() {
        client = fixtures.webClient();
        issued = fixtures.code(new Code(client, fixtures.user().id));
        return redeem(client, issued.code(), null).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void revokingARefreshTokenRevokesItsFamilyAndEveryTokenOfTheGrant() {
        JsonPath first = tokens();
        JsonPath second = refresh(client, first.getString("refresh_token")).then().statusCode(200).extract().jsonPath();

        revoke(client, second.getString("refresh_token")).then().statusCode(200).header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");

        refresh(client, second.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        introspect(client, first.getString("access_token")).then().body("active", equalTo(false));
        introspect(client, second.getString("access_token")).then().body("active", equalTo(false));
        assertNotNull(fixtures.grant(issued.grantId()).revokedAt);
        assertEquals(1, fixtures.auditEvents(AuditEvent.TOKEN_REVOKED, client.clientId()));
    }

    @Test
    void revokingAnAccessTokenDeniesItAloneUntilItExpires() {
        JsonPath first = tokens();
        JsonPath second = refresh(client, first.getString("refresh_token")).then().statusCode(200).extract().jsonPath();

        revoke(client, first.getString("access_token")).then().statusCode(200);

        introspect(client, first.getString("access_token")).then().body("active", equalTo(false));
        introspect(client, second.getString("access_token")).then().body("active", equalTo(true));
        refresh(client, second.getString("refresh_token")).then().statusCode(200);
        assertNull(fixtures.grant(issued.grantId()).revokedAt);
        revoke(client, first.getString("access_token")).then().statusCode(200); // again: still 200
    }

    @Test
    void tokenTypeHintIsOnlyAHint() {
        JsonPath a = tokens();
        TokenCalls.as(client).formParam("token", a.getString("refresh_token")).formParam("token_type_hint", "access_token")
                .post("/revoke").then().statusCode(200);
        refresh(client, a.getString("refresh_token")).then().statusCode(400);

        JsonPath b = tokens();
        TokenCalls.as(client).formParam("token", b.getString("access_token")).formParam("token_type_hint", "refresh_token")
                .post("/revoke").then().statusCode(200);
        introspect(client, b.getString("access_token")).then().body("active", equalTo(false));
        TokenCalls.as(client).formParam("token", b.getString("access_token")).formParam("token_type_hint", "unknown_type")
                .post("/revoke").then().statusCode(200);
    }

    @Test
    void anotherClientsTokenGets200AndChangesNothing() {
        JsonPath t = tokens();
        TestClient other = fixtures.webClient();
        revoke(other, t.getString("refresh_token")).then().statusCode(200);
        revoke(other, t.getString("access_token")).then().statusCode(200);
        introspect(client, t.getString("access_token")).then().body("active", equalTo(true));
        refresh(client, t.getString("refresh_token")).then().statusCode(200);
    }

    @Test
    void unknownOrMalformedTokenGets200() {
        TestClient c = fixtures.webClient();
        revoke(c, "no-such-token").then().statusCode(200);
        revoke(c, "a.b.c").then().statusCode(200);
    }

    @Test
    void clientCredentialsAccessTokenCanBeRevoked() {
        TestClient service = fixtures.client("client_secret_basic", List.of("client_credentials"), "api.read", Map.of());
        String at = TokenCalls.token(service, Map.of("grant_type", "client_credentials")).then().statusCode(200)
                .extract().path("access_token");
        revoke(service, at).then().statusCode(200);
        introspect(service, at).then().body("active", equalTo(false));
    }

    @Test
    void publicClientRevokesItsOwnRefreshToken() {
        TestClient pub = fixtures.client("none", List.of("authorization_code", "refresh_token"), "openid", Map.of());
        Code c = new Code(pub, fixtures.user().id).pkce();
        c.scope = "openid";
        String rt = redeem(pub, fixtures.code(c).code(), c.verifier).then().statusCode(200).extract().path("refresh_token");
        revoke(pub, rt).then().statusCode(200);
        refresh(pub, rt).then().statusCode(400);
    }

    @Test
    void revocationRequiresClientAuthenticationAndAToken() {
        given().formParam("token", "x").post("/revoke").then().statusCode(401).body("error", equalTo("invalid_client"))
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"));
        TokenCalls.as(fixtures.webClient()).formParam("token_type_hint", "access_token").post("/revoke").then()
                .statusCode(400).body("error", equalTo("invalid_request"));
    }
}
