package io.gatehouse.token;

import static io.gatehouse.token.TokenCalls.introspect;
import static io.gatehouse.token.TokenCalls.redeem;
import static io.gatehouse.token.TokenCalls.refresh;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.keys.TokenSigner;
import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.token.TokenFixtures.Code;
import io.gatehouse.token.TokenFixtures.TestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Token introspection (RFC 7662). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class IntrospectionTest {

    @Inject
    TokenFixtures fixtures;
    @Inject
    TokenSigner signer;

    TestClient client;
    UUID userId;

    JsonPath tokens() {
        client = fixtures.webClient();
        userId = fixtures.user().id;
        return redeem(client, fixtures.code(new Code(client, userId)).code(), null).then().statusCode(200).extract().jsonPath();
    }

    static void inactive(ValidatableResponse r) {
        r.statusCode(200).header("Cache-Control", "no-store").body("active", equalTo(false)).body("$", aMapWithSize(1));
    }

    @Test
    void activeAccessTokenShowsItsClaimsToAnyConfidentialClient() {
        String at = tokens().getString("access_token");
        TestClient resourceServer = fixtures.client("client_secret_post", List.of("client_credentials"), "api.read", Map.of());
        introspect(resourceServer, at).then().statusCode(200).header("Cache-Control", "no-store").body("active", equalTo(true))
                .body("scope", equalTo("openid profile")).body("client_id", equalTo(client.clientId()))
                .body("sub", equalTo(userId.toString())).body("iss", equalTo(TokenCalls.ISSUER))
                .body("aud", equalTo(TokenCalls.ISSUER)).body("token_type", equalTo("Bearer"))
                .body("exp", notNullValue()).body("iat", notNullValue());
    }

    @Test
    void refreshTokenShowsItsClaimsOnlyToItsClient() {
        String rt = tokens().getString("refresh_token");
        introspect(client, rt).then().statusCode(200).body("active", equalTo(true)).body("scope", equalTo("openid profile"))
                .body("client_id", equalTo(client.clientId())).body("sub", equalTo(userId.toString()))
                .body("iss", equalTo(TokenCalls.ISSUER)).body("exp", notNullValue()).body("iat", notNullValue());
        inactive(introspect(fixtures.webClient(), rt).then());
    }

    @Test
    void tokenTypeHintDoesNotChangeTheAnswer() {
        JsonPath t = tokens();
        TokenCalls.as(client).formParam("token", t.getString("access_token")).formParam("token_type_hint", "refresh_token")
                .post("/introspect").then().body("active", equalTo(true)).body("token_type", equalTo("Bearer"));
        TokenCalls.as(client).formParam("token", t.getString("refresh_token")).formParam("token_type_hint", "access_token")
                .post("/introspect").then().body("active", equalTo(true));
    }

    @Test
    void rotatedRefreshTokenIsInactive() {
        String rt = tokens().getString("refresh_token");
        refresh(client, rt).then().statusCode(200);
        inactive(introspect(client, rt).then());
    }

    @Test
    void expiredAccessTokenIsInactive() {
        tokens();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TokenCalls.ISSUER);
        claims.put("sub", userId.toString());
        claims.put("aud", TokenCalls.ISSUER);
        claims.put("exp", Instant.now().minusSeconds(5).getEpochSecond());
        claims.put("iat", Instant.now().minusSeconds(600).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("client_id", client.clientId());
        claims.put("grant_id", UUID.randomUUID().toString());
        inactive(introspect(client, signer.sign(claims, "at+jwt", JwsAlgorithm.RS256)).then());
    }

    @Test
    void unknownMalformedAndForgedTokensAreInactive() {
        JsonPath t = tokens();
        inactive(introspect(client, "no-such-token").then());
        inactive(introspect(client, "a.b.c").then());
        String[] parts = t.getString("access_token").split("\\.");
        inactive(introspect(client, parts[0] + "." + parts[1] + "." + parts[2].substring(4) + "AAAA").then());
    }

    @Test
    void accessTokenOfADisabledClientIsInactive() {
        String at = tokens().getString("access_token");
        TestClient resourceServer = fixtures.client("client_secret_post", List.of("client_credentials"), "api.read", Map.of());
        fixtures.disableClient(client.clientId());
        inactive(introspect(resourceServer, at).then());
    }

    @Test
    void accessTokenOfADisabledUserIsInactive() {
        String at = tokens().getString("access_token");
        fixtures.disableUser(userId);
        inactive(introspect(client, at).then());
    }

    @Test
    void introspectionRequiresAnAuthenticatedConfidentialClient() {
        String at = tokens().getString("access_token");
        given().formParam("token", at).post("/introspect").then().statusCode(401).body("error", equalTo("invalid_client"));
        TestClient pub = fixtures.client("none", List.of("authorization_code"), "openid", Map.of());
        introspect(pub, at).then().statusCode(401).body("error", equalTo("invalid_client"))
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"));
        TokenCalls.as(client).post("/introspect").then().statusCode(400).body("error", equalTo("invalid_request"));
    }
}
