package io.gatehouse.authorize.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Input PostgreSQL or the JSON parser cannot take is a 400 with the spec's error, never a 500. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class HostileInputTest {

    static final String INITIAL = "Bearer test-initial-access-token";

    @Inject
    AdminFixtures fixtures;

    String admin;

    @BeforeEach
    void token() {
        admin = fixtures.adminToken().bearer();
    }

    @Test
    void nulInAdminPathQueryOrBodyIsInvalidRequest() {
        given().header("Authorization", admin).urlEncodingEnabled(false).get("/admin/users/a%00b").then().statusCode(400)
                .body("error", equalTo("invalid_request"));
        given().header("Authorization", admin).urlEncodingEnabled(false).get("/admin/clients/a%00b").then().statusCode(400);
        given().header("Authorization", admin).urlEncodingEnabled(false).get("/admin/users?search=a%00b").then().statusCode(400);
        given().header("Authorization", admin).urlEncodingEnabled(false).get("/admin/audit-events?client_id=%00").then().statusCode(400);
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"username\":\"nul\\u0000user\"}")
                .post("/admin/users").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"username\":\"attr-nul\",\"attributes\":{\"cn\":\"a\\u0000\"}}").post("/admin/users").then().statusCode(400);
    }

    @Test
    void nulInRegistrationIsInvalidClientMetadataOrInvalidRequest() {
        given().header("Authorization", INITIAL).contentType(ContentType.JSON)
                .body("{\"redirect_uris\":[\"https://rp.example/cb\"],\"client_name\":\"a\\u0000b\"}").post("/register").then()
                .statusCode(400).body("error", equalTo("invalid_client_metadata"));
        given().header("Authorization", "Bearer x").urlEncodingEnabled(false).get("/register/a%00b").then().statusCode(400);
    }

    @Test
    void oversizedOrOddJsonIsRefusedCleanly() {
        given().header("Authorization", INITIAL).contentType(ContentType.JSON)
                .body("{\"redirect_uris\":[\"https://rp.example/cb\"],\"default_max_age\":1e999}").post("/register").then()
                .statusCode(400);
        given().header("Authorization", INITIAL).contentType(ContentType.JSON)
                .body("{\"redirect_uris\":[\"https://rp.example/cb\"],\"default_max_age\":123456789012345678901234567890}")
                .post("/register").then().statusCode(400).body("error", equalTo("invalid_client_metadata"));
        given().header("Authorization", INITIAL).contentType(ContentType.JSON).body("[".repeat(5000) + "]".repeat(5000))
                .post("/register").then().statusCode(400);
        given().header("Authorization", INITIAL).contentType(ContentType.JSON).body("").post("/register").then().statusCode(400);
        given().header("Authorization", admin).contentType(ContentType.JSON).body("").post("/admin/users").then().statusCode(400);
        given().header("Authorization", admin).contentType(ContentType.TEXT).body("plain").post("/admin/clients").then().statusCode(400);
    }

    @Test
    void bodiesOver64KiBAre413BeforeOrAfterReading() throws Exception {
        String big = "{\"client_name\":\"" + "n".repeat(70_000) + "\",\"redirect_uris\":[\"https://rp.example/cb\"]}";
        given().header("Authorization", INITIAL).contentType(ContentType.JSON).body(big).post("/register").then()
                .statusCode(413).body("error", equalTo("invalid_request"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(big).post("/admin/clients").then()
                .statusCode(413).body("error", equalTo("invalid_request"));
        // Chunked: no Content-Length to refuse up front, so measured once read.
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/admin/users"))
                        .header("Authorization", admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                                ("{\"username\":\"big\",\"attributes\":{\"cn\":\"" + "c".repeat(70_000) + "\"}}")
                                        .getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("\"invalid_request\""), chunked.body());
    }

    @Test
    void arraysOfMoreThan100EntriesAre400WithTheMemberNamed() {
        String uris = String.join(",", java.util.Collections.nCopies(101, "\"https://rp.example/cb\""));
        given().header("Authorization", INITIAL).contentType(ContentType.JSON).body("{\"redirect_uris\":[" + uris + "]}")
                .post("/register").then().statusCode(400).body("error", equalTo("invalid_client_metadata"))
                .body("error_description", containsString("redirect_uris has 101 entries"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"username\":\"many\",\"attributes\":{\"mail\":[" + uris + "]}}").post("/admin/users").then()
                .statusCode(400).body("error", equalTo("invalid_request")).body("error_description", containsString("mail has 101"));
        String hundred = String.join(",", java.util.Collections.nCopies(100, "\"https://rp.example/cb\""));
        given().header("Authorization", INITIAL).contentType(ContentType.JSON).body("{\"redirect_uris\":[" + hundred + "]}")
                .post("/register").then().statusCode(201);
    }

    @Test
    void pageWhoseOffsetOverflowsIsInvalidRequest() {
        for (String listing : new String[] {"/admin/clients", "/admin/users", "/admin/audit-events"}) {
            given().header("Authorization", admin).queryParam("page", "2147483647").queryParam("size", "500").get(listing).then()
                    .statusCode(400).body("error", equalTo("invalid_request"));
            given().header("Authorization", admin).queryParam("page", "4294968").queryParam("size", "500").get(listing).then()
                    .statusCode(400).body("error", equalTo("invalid_request"));
        }
    }

    @Test
    void veryLongIdentifiersAreJustNotFound() {
        String longId = "x".repeat(3_000);
        given().header("Authorization", admin).get("/admin/clients/" + longId).then().statusCode(404);
        given().header("Authorization", admin).get("/admin/users/" + longId).then().statusCode(404);
    }
}
