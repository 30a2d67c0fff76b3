package io.gatehouse.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.token.TokenFixtures.TestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every token request must be (RFC 6749 3.2, 5.1, 5.2), whatever its grant type. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class TokenEndpointTest {

    @Inject
    TokenFixtures fixtures;

    TestClient service() {
        return fixtures.client("client_secret_basic", List.of("client_credentials"), "api.read api.write", Map.of());
    }

    static ValidatableResponse error(ValidatableResponse r, int status, String error) {
        return r.statusCode(status).contentType("application/json").header("Cache-Control", "no-store")
                .header("Pragma", "no-cache").body("error", equalTo(error))
                .body(not(containsString("Exception"))).body(not(containsString("\tat ")));
    }

    @Test
    void unsupportedGrantTypeIsRefused() {
        TestClient c = service();
        for (String type : List.of("password", "implicit", "nonsense")) {
            error(TokenCalls.token(c, Map.of("grant_type", type)).then(), 400, "unsupported_grant_type");
        }
    }

    @Test
    void grantTypeTheClientDidNotRegisterIsUnauthorizedClient() {
        error(TokenCalls.token(service(), Map.of("grant_type", "authorization_code", "code", "x")).then(), 400, "unauthorized_client");
        error(TokenCalls.token(service(), Map.of("grant_type", "refresh_token", "refresh_token", "x")).then(), 400, "unauthorized_client");
        error(TokenCalls.token(service(), Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code", "x")).then(),
                400, "unauthorized_client");
    }

    @Test
    void repeatedParameterIsInvalidRequest() {
        TestClient c = service();
        error(TokenCalls.as(c).formParam("grant_type", "client_credentials", "client_credentials").post("/token").then(),
                400, "invalid_request");
        error(TokenCalls.as(c).formParam("grant_type", "client_credentials").formParam("scope", "api.read", "api.write")
                .post("/token").then(), 400, "invalid_request");
        error(given().formParam("client_id", c.clientId(), c.clientId()).formParam("grant_type", "client_credentials")
                .post("/token").then(), 400, "invalid_request");
    }

    @Test
    void missingGrantTypeIsInvalidRequest() {
        error(TokenCalls.as(service()).formParam("scope", "api.read").post("/token").then(), 400, "invalid_request");
    }

    @Test
    void emptyParameterCountsAsOmitted() {
        TokenCalls.token(service(), Map.of("grant_type", "client_credentials", "scope", "")).then().statusCode(200)
                .body("scope", equalTo("api.read api.write"));
    }

    @Test
    void bodyThatIsNotFormEncodedIsInvalidRequest() {
        TestClient c = service();
        error(given().header("Authorization", TokenCalls.basic(c.clientId(), c.secret())).contentType("application/json")
                .body("{\"grant_type\":\"client_credentials\"}").post("/token").then(), 400, "invalid_request");
        error(given().header("Authorization", TokenCalls.basic(c.clientId(), c.secret())).post("/token").then(), 400, "invalid_request");
    }

    @Test
    void malformedPercentEncodingIsInvalidRequestOnEveryFormEndpoint() {
        TestClient c = service();
        for (String path : List.of("/token", "/revoke", "/introspect", "/device_authorization")) {
            for (String body : List.of("grant_type=%", "grant_type=client_credentials&scope=%zz", "token=%C")) {
                error(given().header("Authorization", TokenCalls.basic(c.clientId(), c.secret()))
                        .contentType("application/x-www-form-urlencoded").body(body).post(path).then(), 400, "invalid_request");
            }
        }
    }

    @Test
    void getIsNotAllowed() {
        given().queryParam("grant_type", "client_credentials").get("/token").then().statusCode(405)
                .header("Cache-Control", "no-store");
    }

    @Test
    void successAndEveryErrorAreNeverCached() {
        TokenCalls.token(service(), Map.of("grant_type", "client_credentials")).then().statusCode(200)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
        error(given().formParam("grant_type", "client_credentials").post("/token").then(), 401, "invalid_client");
        error(TokenCalls.token(service(), Map.of("grant_type", "client_credentials", "scope", "admin")).then(), 400, "invalid_scope");
    }
}
