package io.gatehouse.authorize.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.AuditEventEntity;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.repository.AuditEventRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /admin/clients: each operation, its validation and its audit event. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AdminClientsTest {

    @Inject
    AdminFixtures fixtures;
    @Inject
    AuditEventRepository audit;

    AdminFixtures.Token admin;

    @BeforeEach
    void token() {
        admin = fixtures.adminToken();
    }

    RequestSpecification as() {
        return given().header("Authorization", admin.bearer()).contentType(ContentType.JSON);
    }

    String create(Map<String, Object> body) {
        return as().body(body).post("/admin/clients").then().statusCode(201).extract().path("client_id");
    }

    List<AuditEventEntity> events(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> audit.list("clientId = ?1 order by id", clientId));
    }

    @Test
    void createReturnsTheSecretOnceAndStoresItsHash() {
        var r = as().body(Map.of("client_name", "Admin-made", "redirect_uris", List.of("https://rp.example/cb"),
                        "first_party", true)).post("/admin/clients").then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("client_secret", notNullValue()).body("client_secret_expires_at", equalTo(0))
                .body("first_party", equalTo(true)).body("enabled", equalTo(true))
                .body("dynamically_registered", equalTo(false)).extract();
        String clientId = r.path("client_id");
        ClientEntity stored = fixtures.findClient(clientId);
        assertEquals(Sha256.hash(r.path("client_secret")), stored.secretHash);
        assertTrue(stored.firstParty);
        assertNull(stored.registrationTokenHash);
        as().get("/admin/clients/" + clientId).then().statusCode(200).body("client_secret", nullValue())
                .body("client_name", equalTo("Admin-made"));
        AuditEventEntity event = events(clientId).get(0);
        assertEquals("admin.client.created", event.type);
        assertEquals(admin.clientId(), event.details.get("actor_client_id"));
        assertNotNull(event.sourceIp);
    }

    @Test
    void operatorMayChooseTheIdAndAnyScopeAndHttpLoopback() {
        String id = "svc-" + UUID.randomUUID();
        as().body(Map.of("client_id", id, "grant_types", List.of("client_credentials"), "scope", "gatehouse:admin"))
                .post("/admin/clients").then().statusCode(201).body("client_id", equalTo(id)).body("scope", equalTo("gatehouse:admin"))
                .body("response_types", hasSize(0));
        as().body(Map.of("redirect_uris", List.of("http://localhost:9090/cb"))).post("/admin/clients").then().statusCode(201);
    }

    @Test
    void existingIdIsAConflict() {
        String id = create(Map.of("redirect_uris", List.of("https://rp.example/cb")));
        as().body(Map.of("client_id", id, "redirect_uris", List.of("https://rp.example/cb"))).post("/admin/clients").then()
                .statusCode(409).body("error", equalTo("conflict"));
    }

    @Test
    void invalidMetadataIsRefusedWithTheRegistrationError() {
        as().body(Map.of("redirect_uris", List.of("https://rp.example/cb#frag"))).post("/admin/clients").then().statusCode(400)
                .body("error", equalTo("invalid_redirect_uri"));
        // OIDC Core 8.1: pairwise with redirect URIs on two hosts and no sector_identifier_uri.
        as().body(Map.of("redirect_uris", List.of("https://a.example/cb", "https://b.example/cb"), "subject_type", "pairwise"))
                .post("/admin/clients").then().statusCode(400).body("error", equalTo("invalid_client_metadata"));
        as().body(Map.of("client_id", "bad id/with slash")).post("/admin/clients").then().statusCode(400)
                .body("error", equalTo("invalid_request"));
        as().body("not json").post("/admin/clients").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void listPagesAndSearches() {
        String marker = "srch-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            create(Map.of("client_name", marker + " client " + i, "redirect_uris", List.of("https://rp.example/cb")));
        }
        as().queryParam("search", marker.toUpperCase()).queryParam("size", 2).get("/admin/clients").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.client_name", everyItem(startsWith(marker)));
        as().queryParam("search", marker).queryParam("size", 2).queryParam("page", 1).get("/admin/clients").then()
                .statusCode(200).body("items", hasSize(1));
        as().queryParam("search", "%").queryParam("size", 1).get("/admin/clients").then().statusCode(200).body("items", hasSize(0));
        as().queryParam("size", 0).get("/admin/clients").then().statusCode(400).body("error", equalTo("invalid_request"));
        as().queryParam("page", "x").get("/admin/clients").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void readOfAnUnknownClientIsNotFound() {
        as().get("/admin/clients/no-such-client").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void updateReplacesMetadataAndSetsFlags() {
        String id = create(Map.of("client_name", "Old", "redirect_uris", List.of("https://rp.example/cb"),
                "logo_uri", "https://rp.example/logo.png"));
        String hashBefore = fixtures.findClient(id).secretHash;
        as().body(Map.of("client_name", "New", "redirect_uris", List.of("https://rp.example/new"), "first_party", true))
                .put("/admin/clients/" + id).then().statusCode(200).body("client_name", equalTo("New"))
                .body("logo_uri", nullValue()).body("first_party", equalTo(true)).body("client_secret", nullValue());
        ClientEntity stored = fixtures.findClient(id);
        assertEquals(List.of("https://rp.example/new"), stored.redirectUris);
        assertEquals(hashBefore, stored.secretHash);
        as().body(Map.of("client_id", "other", "redirect_uris", List.of("https://rp.example/cb"))).put("/admin/clients/" + id)
                .then().statusCode(400);
        as().body(Map.of("redirect_uris", List.of("https://rp.example/cb"))).put("/admin/clients/missing-" + id).then().statusCode(404);
        assertEquals("admin.client.updated", events(id).get(1).type);
    }

    @Test
    void rotatingTheSecretReplacesTheOldOne() {
        var created = as().body(Map.of("redirect_uris", List.of("https://rp.example/cb"))).post("/admin/clients").then()
                .statusCode(201).extract();
        String id = created.path("client_id");
        String first = created.path("client_secret");
        String second = as().post("/admin/clients/" + id + "/secret").then().statusCode(200).header("Cache-Control", "no-store")
                .body("client_id", equalTo(id)).extract().path("client_secret");
        assertNotEquals(first, second);
        String hash = fixtures.findClient(id).secretHash;
        assertTrue(Sha256.matches(second, hash));
        assertFalse(Sha256.matches(first, hash));
        assertEquals("admin.client.secret_rotated", events(id).get(1).type);
    }

    @Test
    void publicClientHasNoSecretToRotate() {
        String id = create(Map.of("redirect_uris", List.of("https://rp.example/cb"), "token_endpoint_auth_method", "none"));
        as().post("/admin/clients/" + id + "/secret").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void disableAndEnable() {
        String id = create(Map.of("redirect_uris", List.of("https://rp.example/cb")));
        as().post("/admin/clients/" + id + "/disable").then().statusCode(200).body("enabled", equalTo(false));
        assertFalse(fixtures.findClient(id).enabled);
        as().post("/admin/clients/" + id + "/enable").then().statusCode(200).body("enabled", equalTo(true));
        assertTrue(fixtures.findClient(id).enabled);
        assertEquals(List.of("admin.client.created", "admin.client.disabled", "admin.client.enabled"),
                events(id).stream().map(e -> e.type).toList());
    }

    @Test
    void deleteRemovesTheClientAndItsGrants() {
        String id = create(Map.of("redirect_uris", List.of("https://rp.example/cb")));
        UUID grant = fixtures.grant(fixtures.user("grantee").id, id, "openid", null, false);
        as().delete("/admin/clients/" + id).then().statusCode(204);
        assertNull(fixtures.findClient(id));
        assertNull(fixtures.findGrant(grant));
        as().delete("/admin/clients/" + id).then().statusCode(404);
        assertEquals("admin.client.deleted", events(id).get(events(id).size() - 1).type);
    }
}
