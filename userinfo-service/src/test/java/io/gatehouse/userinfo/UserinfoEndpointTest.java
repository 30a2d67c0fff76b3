package io.gatehouse.userinfo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.token.AccessTokenIssuer;
import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.userinfo.UserinfoFixtures.Minted;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Access methods, status codes and WWW-Authenticate challenges of /userinfo (OIDC Core 5.3, RFC 6750). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class UserinfoEndpointTest {

    @Inject
    UserinfoFixtures fixtures;
    @Inject
    GatehouseConfig config;
    @Inject
    AccessTokenIssuer issuer;

    static void invalidToken(ValidatableResponse r) {
        r.statusCode(401).header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void getWithBearerHeaderReturnsJsonWithSubOfTheUser() {
        Minted t = fixtures.accessToken("openid");
        given().header("Authorization", "Bearer " + t.token()).get("/userinfo").then().statusCode(200)
                .contentType(ContentType.JSON).header("Cache-Control", "no-store").header("Pragma", "no-cache") // issue 16.11
                .body("sub", equalTo(t.userId().toString()));
    }

    @Test
    void postWithBearerHeaderSucceeds() {
        Minted t = fixtures.accessToken("openid");
        given().header("Authorization", "Bearer " + t.token()).post("/userinfo").then().statusCode(200)
                .body("sub", equalTo(t.userId().toString()));
    }

    @Test
    void postWithBearerHeaderAndEmptyFormSucceeds() {
        Minted t = fixtures.accessToken("openid");
        given().header("Authorization", "Bearer " + t.token()).contentType(ContentType.URLENC).formParam("x", "y")
                .post("/userinfo").then().statusCode(200).body("sub", equalTo(t.userId().toString()));
    }

    @Test
    void postWithTokenInFormBodySucceeds() {
        Minted t = fixtures.accessToken("openid");
        given().formParam("access_token", t.token()).post("/userinfo").then().statusCode(200)
                .body("sub", equalTo(t.userId().toString()));
    }

    @Test
    void tokenInHeaderAndBodyIsInvalidRequest() {
        Minted t = fixtures.accessToken("openid");
        given().header("Authorization", "Bearer " + t.token()).formParam("access_token", t.token()).post("/userinfo")
                .then().statusCode(400).header("WWW-Authenticate", startsWith("Bearer error=\"invalid_request\""))
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void tokenInQueryIsInvalidRequest() {
        Minted t = fixtures.accessToken("openid");
        given().queryParam("access_token", t.token()).get("/userinfo").then().statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void requestWithoutAnyTokenGetsBareBearerChallenge() {
        given().get("/userinfo").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer")).body(emptyString());
        given().post("/userinfo").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        given().header("Authorization", "Basic YTpi").get("/userinfo").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void emptyBearerTokenIsInvalidToken() {
        invalidToken(given().header("Authorization", "Bearer ").get("/userinfo").then());
        invalidToken(given().formParam("access_token", "").post("/userinfo").then());
    }

    @Test
    void malformedTokenIsInvalidToken() {
        invalidToken(given().header("Authorization", "Bearer not-a-jwt").get("/userinfo").then());
        invalidToken(given().header("Authorization", "Bearer a.b.c").get("/userinfo").then());
    }

    @Test
    void tokenWithAlteredPayloadIsInvalidToken() {
        Minted t = fixtures.accessToken("openid");
        Minted other = fixtures.accessToken("openid profile");
        String[] a = t.token().split("\\.");
        String[] b = other.token().split("\\.");
        invalidToken(given().header("Authorization", "Bearer " + a[0] + "." + b[1] + "." + a[2]).get("/userinfo").then());
    }

    Map<String, Object> claimsOf(Minted t) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", config.issuer());
        c.put("sub", t.userId().toString());
        c.put("aud", config.issuer());
        c.put("exp", Instant.now().plusSeconds(300).getEpochSecond());
        c.put("iat", Instant.now().getEpochSecond());
        c.put("jti", "jti-" + t.jti());
        c.put("client_id", t.clientId());
        c.put("scope", "openid");
        c.put("grant_id", t.grantId().toString());
        return c;
    }

    @Test
    void expiredTokenIsInvalidToken() {
        Map<String, Object> c = claimsOf(fixtures.accessToken("openid"));
        c.put("iat", Instant.now().minusSeconds(700).getEpochSecond());
        c.put("exp", Instant.now().minusSeconds(60).getEpochSecond());
        invalidToken(given().header("Authorization", "Bearer " + fixtures.sign(c, "at+jwt")).get("/userinfo").then());
    }

    @Test
    void tokenNotValidYetIsInvalidToken() {
        Map<String, Object> c = claimsOf(fixtures.accessToken("openid"));
        c.put("nbf", Instant.now().plusSeconds(600).getEpochSecond()); // RFC 7519 4.1.5
        invalidToken(given().header("Authorization", "Bearer " + fixtures.sign(c, "at+jwt")).get("/userinfo").then());
        c.remove("nbf");
        c.put("iat", Instant.now().plusSeconds(600).getEpochSecond());
        invalidToken(given().header("Authorization", "Bearer " + fixtures.sign(c, "at+jwt")).get("/userinfo").then());
    }

    @Test
    void tokenWhoseTimesAreNoDatesIsInvalidTokenNotAServerError() {
        for (Object t : new Object[] {1e300, -1e300, "soon"}) {
            Map<String, Object> c = claimsOf(fixtures.accessToken("openid"));
            c.put("exp", t);
            invalidToken(given().header("Authorization", "Bearer " + fixtures.sign(c, "at+jwt")).get("/userinfo").then());
            c = claimsOf(fixtures.accessToken("openid"));
            c.put("nbf", t);
            invalidToken(given().header("Authorization", "Bearer " + fixtures.sign(c, "at+jwt")).get("/userinfo").then());
        }
    }

    @Test
    void tokenOfAnotherTypeIsInvalidToken() {
        Map<String, Object> c = claimsOf(fixtures.accessToken("openid"));
        given().header("Authorization", "Bearer " + fixtures.sign(c, "at+jwt")).get("/userinfo").then().statusCode(200);
        invalidToken(given().header("Authorization", "Bearer " + fixtures.sign(c, "JWT")).get("/userinfo").then());
    }

    @Test
    void tokenFromAnotherIssuerIsInvalidToken() {
        Map<String, Object> c = claimsOf(fixtures.accessToken("openid"));
        c.put("iss", "https://elsewhere.example");
        invalidToken(given().header("Authorization", "Bearer " + fixtures.sign(c, "at+jwt")).get("/userinfo").then());
    }

    @Test
    void tokenOfRevokedGrantIsInvalidToken() {
        Minted t = fixtures.accessToken("openid");
        given().header("Authorization", "Bearer " + t.token()).get("/userinfo").then().statusCode(200);
        fixtures.revokeGrant(t.grantId());
        invalidToken(given().header("Authorization", "Bearer " + t.token()).get("/userinfo").then());
    }

    @Test
    void revokedAccessTokenIsInvalidToken() {
        Minted t = fixtures.accessToken("openid");
        fixtures.revokeJti(t.jti(), t.expiresAt());
        invalidToken(given().header("Authorization", "Bearer " + t.token()).get("/userinfo").then());
    }

    @Test
    void tokenOfDisabledUserIsInvalidToken() {
        Minted t = fixtures.accessToken("openid");
        fixtures.disableUser(t.userId());
        invalidToken(given().header("Authorization", "Bearer " + t.token()).get("/userinfo").then());
    }

    @Test
    void tokenWithoutEndUserIsInvalidToken() {
        String client = fixtures.client(Map.of());
        UUID grant = fixtures.grant(null, client, "openid", null);
        String token = issuer.issue(client, client, "openid", grant, null, null).value();
        invalidToken(given().header("Authorization", "Bearer " + token).get("/userinfo").then());
    }

    @Test
    void tokenWhoseSubjectIsNotTheGrantsUserIsInvalidToken() {
        Minted t = fixtures.accessToken("openid");
        Map<String, Object> c = claimsOf(t);
        c.put("sub", UUID.randomUUID().toString());
        invalidToken(given().header("Authorization", "Bearer " + fixtures.sign(c, "at+jwt")).get("/userinfo").then());
    }

    @Test
    void tokenWithoutOpenidScopeIsInsufficientScope() {
        Minted t = fixtures.accessToken("profile email");
        given().header("Authorization", "Bearer " + t.token()).get("/userinfo").then().statusCode(403)
                .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\""))
                .header("WWW-Authenticate", containsString("scope=\"openid\""))
                .body("error", equalTo("insufficient_scope"));
    }

    @Test
    void corsPreflightAllowsAnyOriginWithAuthorizationHeader() {
        given().header("Origin", "https://rp.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").options("/userinfo").then()
                .statusCode(200).header("Access-Control-Allow-Origin", anyOf(equalTo("*"), equalTo("https://rp.example")))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
    }

    @Test
    void corsHeadersAreOnAnswersAndChallenges() {
        Minted t = fixtures.accessToken("openid");
        given().header("Origin", "https://rp.example").header("Authorization", "Bearer " + t.token()).get("/userinfo")
                .then().statusCode(200).header("Access-Control-Allow-Origin", notNullValue());
        given().header("Origin", "https://rp.example").get("/userinfo").then().statusCode(401)
                .header("Access-Control-Allow-Origin", notNullValue())
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("WWW-Authenticate"));
    }
}
