package io.gatehouse.authorize.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.keys.KeyCache;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /admin/keys (public information only) and /admin/audit-events (filters and paging). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AdminKeysAndAuditTest {

    @Inject
    AdminFixtures fixtures;
    @Inject
    KeyCache keys;

    AdminFixtures.Token admin;

    @BeforeEach
    void token() {
        admin = fixtures.adminToken();
    }

    RequestSpecification as() {
        return given().header("Authorization", admin.bearer()).contentType(ContentType.JSON);
    }

    @Test
    void keysListShowsPublicInformationOnly() {
        keys.active(JwsAlgorithm.RS256);
        as().get("/admin/keys").then().statusCode(200)
                .body("alg", hasItem("RS256"))
                .body("state", hasItem("active"))
                .body("public_jwk.kty", hasItem("RSA"))
                .body("public_jwk", everyItem(not(hasKey("d"))))
                .body("", everyItem(not(hasKey("private_key_enc"))));
    }

    @Test
    void auditEventsAreFilteredByClientTypeUserAndTime() {
        Instant before = Instant.now().minusSeconds(1);
        String id = as().body(Map.of("redirect_uris", List.of("https://rp.example/cb"))).post("/admin/clients").then()
                .statusCode(201).extract().path("client_id");
        as().post("/admin/clients/" + id + "/disable").then().statusCode(200);
        as().post("/admin/clients/" + id + "/enable").then().statusCode(200);
        as().queryParam("client_id", id).get("/admin/audit-events").then().statusCode(200).body("total", equalTo(3))
                .body("items[0].type", equalTo("admin.client.enabled"))
                .body("items[2].type", equalTo("admin.client.created"))
                .body("items[0].details.actor_client_id", equalTo(admin.clientId()));
        as().queryParam("client_id", id).queryParam("type", "admin.client.disabled").get("/admin/audit-events").then()
                .statusCode(200).body("total", equalTo(1));
        as().queryParam("client_id", id).queryParam("size", 1).queryParam("page", 2).get("/admin/audit-events").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].type", equalTo("admin.client.created"));
        as().queryParam("client_id", id).queryParam("from", before.toString()).queryParam("to", Instant.now().plusSeconds(5).toString())
                .get("/admin/audit-events").then().statusCode(200).body("total", equalTo(3));
        as().queryParam("client_id", id).queryParam("to", before.toString()).get("/admin/audit-events").then().statusCode(200)
                .body("total", equalTo(0));
        as().queryParam("type", "admin.client.created").get("/admin/audit-events").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1));
    }

    @Test
    void auditEventsOfAUser() {
        String username = "audited-" + UUID.randomUUID();
        String userId = as().body(Map.of("username", username)).post("/admin/users").then().statusCode(201).extract().path("id");
        as().queryParam("user_id", userId).get("/admin/audit-events").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].type", equalTo("admin.user.created")).body("items[0].details.username", equalTo(username));
    }

    @Test
    void badFiltersAreInvalidRequest() {
        as().queryParam("from", "yesterday").get("/admin/audit-events").then().statusCode(400).body("error", equalTo("invalid_request"));
        as().queryParam("user_id", "not-a-uuid").get("/admin/audit-events").then().statusCode(400);
        as().queryParam("size", 501).get("/admin/audit-events").then().statusCode(400);
    }
}
