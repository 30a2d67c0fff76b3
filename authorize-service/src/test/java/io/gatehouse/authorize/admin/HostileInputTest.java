package io.gatehouse.authorize.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
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
