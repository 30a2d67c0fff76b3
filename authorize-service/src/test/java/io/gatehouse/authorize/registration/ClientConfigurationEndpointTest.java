package io.gatehouse.authorize.registration;

import static io.gatehouse.authorize.registration.RegistrationEndpointTest.registered;
import static io.gatehouse.authorize.registration.RegistrationEndpointTest.web;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gatehouse.authorize.admin.AdminFixtures;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client configuration endpoint (RFC 7592): read, full-replacement update and delete with the registration token. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ClientConfigurationEndpointTest {

    @Inject
    AdminFixtures fixtures;

    /** A registered client: its id, secret and registration access token. */
    record Registered(String clientId, String secret, String token, String path) {
    }

    static Registered registerClient(Map<String, Object> metadata) {
        var r = registered(metadata);
        String clientId = r.path("client_id");
        return new Registered(clientId, r.path("client_secret"), r.path("registration_access_token"), "/register/" + clientId);
    }

    static void invalidToken(ValidatableResponse r) {
        r.statusCode(401).header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\"")).body("error", equalTo("invalid_token"));
    }

    @Test
    void readReturnsTheRegisteredMetadataWithoutSecrets() {
        Registered c = registerClient(web("client_name", "Readable", "initiate_login_uri", "https://rp.example/login"));
        given().auth().oauth2(c.token()).get(c.path()).then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("client_id", equalTo(c.clientId()))
                .body("client_name", equalTo("Readable"))
                .body("initiate_login_uri", equalTo("https://rp.example/login"))
                .body("redirect_uris", equalTo(List.of("https://rp.example/cb")))
                .body("client_secret_expires_at", equalTo(0))
                .body("registration_client_uri", equalTo("http://localhost:8081" + c.path()))
                .body("client_secret", nullValue())
                .body("registration_access_token", nullValue());
    }

    @Test
    void readWithoutTokenGetsBareBearerChallenge() {
        Registered c = registerClient(web());
        given().get(c.path()).then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void readWithWrongTokenIsInvalidToken() {
        Registered c = registerClient(web());
        invalidToken(given().auth().oauth2("wrong-token").get(c.path()).then());
        invalidToken(given().auth().oauth2(c.secret()).get(c.path()).then());
    }

    @Test
    void tokenOfAnotherClientIsInvalidToken() {
        Registered a = registerClient(web());
        Registered b = registerClient(web());
        invalidToken(given().auth().oauth2(a.token()).get(b.path()).then());
        given().auth().oauth2(a.token()).get(a.path()).then().statusCode(200);
    }

    @Test
    void tokenPresentedForAnUnknownClientIsRefusedAndRevoked() {
        Registered c = registerClient(web());
        invalidToken(given().auth().oauth2(c.token()).get("/register/no-such-client").then());
        invalidToken(given().auth().oauth2(c.token()).get(c.path()).then());
    }

    @Test
    void updateReplacesEveryMemberAndKeepsTheSecret() {
        Registered c = registerClient(web("client_name", "Before", "logo_uri", "https://rp.example/logo.png"));
        Map<String, Object> update = new HashMap<>(web("client_name", "After", "redirect_uris", List.of("https://rp.example/new")));
        update.put("client_id", c.clientId());
        given().auth().oauth2(c.token()).contentType(ContentType.JSON).body(update).put(c.path()).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("client_name", equalTo("After"))
                .body("redirect_uris", equalTo(List.of("https://rp.example/new")))
                .body("logo_uri", nullValue())
                .body("client_secret", nullValue());
        var stored = fixtures.findClient(c.clientId());
        assertEquals(List.of("https://rp.example/new"), stored.redirectUris);
        assertNull(stored.metadata.get("logo_uri"), "omitted members are removed (RFC 7592 2.2)");
        assertEquals(Sha256.hash(c.secret()), stored.secretHash, "the secret is unchanged");
        given().auth().oauth2(c.token()).get(c.path()).then().statusCode(200).body("client_name", equalTo("After"));
    }

    @Test
    void updateWithAnotherClientIdIsRefused() {
        Registered c = registerClient(web());
        Map<String, Object> update = new HashMap<>(web());
        update.put("client_id", "someone-else");
        given().auth().oauth2(c.token()).contentType(ContentType.JSON).body(update).put(c.path()).then().statusCode(400)
                .body("error", equalTo("invalid_client_metadata"));
        given().auth().oauth2(c.token()).contentType(ContentType.JSON).body(web()).put(c.path()).then().statusCode(400)
                .body("error", equalTo("invalid_client_metadata"));
    }

    @Test
    void updateMayRepeatTheIssuedSecretButNotChooseAnother() {
        Registered c = registerClient(web());
        Map<String, Object> update = new HashMap<>(web("client_name", "x"));
        update.put("client_id", c.clientId());
        update.put("client_secret", "my-own-secret");
        given().auth().oauth2(c.token()).contentType(ContentType.JSON).body(update).put(c.path()).then().statusCode(400)
                .body("error", equalTo("invalid_client_metadata"));
        update.put("client_secret", c.secret());
        given().auth().oauth2(c.token()).contentType(ContentType.JSON).body(update).put(c.path()).then().statusCode(200);
        assertEquals(Sha256.hash(c.secret()), fixtures.findClient(c.clientId()).secretHash);
    }

    @Test
    void switchingToAPublicClientDropsTheSecretAndBackIssuesANewOne() {
        Registered c = registerClient(web());
        Map<String, Object> update = new HashMap<>(web("token_endpoint_auth_method", "none"));
        update.put("client_id", c.clientId());
        given().auth().oauth2(c.token()).contentType(ContentType.JSON).body(update).put(c.path()).then().statusCode(200)
                .body("client_secret", nullValue()).body("client_secret_expires_at", nullValue());
        assertNull(fixtures.findClient(c.clientId()).secretHash);
        update.put("token_endpoint_auth_method", "client_secret_post");
        String secret = given().auth().oauth2(c.token()).contentType(ContentType.JSON).body(update).put(c.path()).then()
                .statusCode(200).body("client_secret_expires_at", equalTo(0)).extract().path("client_secret");
        assertNotNull(secret);
        assertEquals(Sha256.hash(secret), fixtures.findClient(c.clientId()).secretHash);
    }

    @Test
    void invalidUpdateChangesNothing() {
        Registered c = registerClient(web("client_name", "Kept"));
        Map<String, Object> update = new HashMap<>(web("redirect_uris", List.of("https://rp.example/cb#x")));
        update.put("client_id", c.clientId());
        given().auth().oauth2(c.token()).contentType(ContentType.JSON).body(update).put(c.path()).then().statusCode(400)
                .body("error", equalTo("invalid_redirect_uri"));
        assertEquals("Kept", fixtures.findClient(c.clientId()).clientName);
    }

    @Test
    void updateWithoutValidTokenIsRefusedBeforeAnyValidation() {
        Registered c = registerClient(web());
        invalidToken(given().auth().oauth2("nope").contentType(ContentType.JSON).body(Map.of("client_id", c.clientId()))
                .put(c.path()).then());
    }

    @Test
    void deleteAnswers204AndTheClientAndTokenAreGone() {
        Registered c = registerClient(web());
        given().auth().oauth2(c.token()).delete(c.path()).then().statusCode(204);
        assertNull(fixtures.findClient(c.clientId()));
        invalidToken(given().auth().oauth2(c.token()).get(c.path()).then());
        invalidToken(given().auth().oauth2(c.token()).delete(c.path()).then());
    }

    @Test
    void deleteWithWrongTokenKeepsTheClient() {
        Registered c = registerClient(web());
        invalidToken(given().auth().oauth2("wrong").delete(c.path()).then());
        assertNotNull(fixtures.findClient(c.clientId()));
    }

    @Test
    void disabledClientCannotManageItsRegistration() {
        Registered c = registerClient(web());
        fixtures.disableClient(c.clientId());
        invalidToken(given().auth().oauth2(c.token()).get(c.path()).then());
    }
}
