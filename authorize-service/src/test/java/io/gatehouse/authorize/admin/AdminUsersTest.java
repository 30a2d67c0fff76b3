package io.gatehouse.authorize.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.crypto.Argon2idPasswordHasher;
import io.gatehouse.model.entity.LogoutDeliveryEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.AuditEventRepository;
import io.gatehouse.model.repository.LogoutDeliveryRepository;
import io.gatehouse.model.token.AccessTokenValidator;
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

/** /admin/users with its consents and sessions: each operation, its effect on grants and sessions, its audit event. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AdminUsersTest {

    @Inject
    AdminFixtures fixtures;
    @Inject
    AuditEventRepository audit;
    @Inject
    LogoutDeliveryRepository deliveries;
    @Inject
    AccessTokenValidator validator;

    AdminFixtures.Token admin;

    @BeforeEach
    void token() {
        admin = fixtures.adminToken();
    }

    RequestSpecification as() {
        return given().header("Authorization", admin.bearer()).contentType(ContentType.JSON);
    }

    UUID create(String username, String password) {
        Map<String, Object> body = password == null ? Map.of("username", username)
                : Map.of("username", username, "password", password, "attributes", Map.of("mail", username + "@example.com"));
        return UUID.fromString(as().body(body).post("/admin/users").then().statusCode(201).extract().path("id"));
    }

    long events(UUID userId, String type) {
        return QuarkusTransaction.requiringNew().call(() -> audit.count("userId = ?1 and type = ?2", userId, type));
    }

    @Test
    void createStoresAnArgon2idHashAndNeverShowsIt() {
        String username = "carol-" + UUID.randomUUID();
        var r = as().body(Map.of("username", username, "password", "correct horse battery", "attributes",
                        Map.of("cn", "Carol", "emailVerified", true))).post("/admin/users").then().statusCode(201)
                .body("username", equalTo(username)).body("has_password", equalTo(true)).body("enabled", equalTo(true))
                .body("attributes.cn", equalTo("Carol")).body("$", not(hasKey("password_hash"))).body("$", not(hasKey("password")))
                .extract();
        UserEntity stored = fixtures.findUser(UUID.fromString(r.path("id")));
        assertTrue(stored.passwordHash.startsWith("$argon2id$"));
        assertTrue(new Argon2idPasswordHasher().verify("correct horse battery".toCharArray(), stored.passwordHash));
        assertEquals(1, events(stored.id, "admin.user.created"));
    }

    @Test
    void duplicateUsernameIsAConflictAndBadInputIsInvalidRequest() {
        String username = "dup-" + UUID.randomUUID();
        create(username, null);
        as().body(Map.of("username", username)).post("/admin/users").then().statusCode(409).body("error", equalTo("conflict"));
        as().body(Map.of("username", "short-pw-" + UUID.randomUUID(), "password", "1234567")).post("/admin/users").then()
                .statusCode(400).body("error", equalTo("invalid_request"));
        as().body(Map.of("username", " padded ")).post("/admin/users").then().statusCode(400);
        as().body(Map.of("password", "long enough password")).post("/admin/users").then().statusCode(400);
        as().body(Map.of("username", "x-" + UUID.randomUUID(), "attributes", "not an object")).post("/admin/users").then().statusCode(400);
    }

    @Test
    void listSearchesUsernameAndMailWithPaging() {
        String marker = "find" + UUID.randomUUID().toString().substring(0, 8);
        create(marker + "-a", "password-one");
        create(marker + "-b", "password-two");
        UserEntity byMail = fixtures.user("other");
        as().body(Map.of("mail", marker + "@mail.example")).patch("/admin/users/" + byMail.id + "/attributes").then().statusCode(200);
        as().queryParam("search", marker).get("/admin/users").then().statusCode(200).body("total", equalTo(3))
                .body("items", hasSize(3)).body("items[0]", not(hasKey("password_hash")));
        as().queryParam("search", marker).queryParam("size", 2).queryParam("page", 1).get("/admin/users").then()
                .statusCode(200).body("items", hasSize(1)).body("total", equalTo(3));
        as().queryParam("search", "_").queryParam("size", 1).get("/admin/users").then().statusCode(200);
    }

    @Test
    void readByIdOrUsername() {
        String username = "dave-" + UUID.randomUUID();
        UUID id = create(username, null);
        as().get("/admin/users/" + id).then().statusCode(200).body("username", equalTo(username)).body("has_password", equalTo(false));
        as().get("/admin/users/" + username).then().statusCode(200).body("id", equalTo(id.toString()));
        as().get("/admin/users/nobody-" + UUID.randomUUID()).then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void attributesAreReplacedOrMerged() {
        UUID id = create("erin-" + UUID.randomUUID(), "password-erin");
        as().body(Map.of("givenName", "Erin", "sn", "Example")).patch("/admin/users/" + id + "/attributes").then().statusCode(200)
                .body("attributes.givenName", equalTo("Erin")).body("attributes.mail", org.hamcrest.Matchers.notNullValue());
        as().body("{\"sn\": null}").patch("/admin/users/" + id + "/attributes").then().statusCode(200)
                .body("attributes.sn", nullValue()).body("attributes.givenName", equalTo("Erin"));
        as().body(Map.of("cn", "Only")).put("/admin/users/" + id + "/attributes").then().statusCode(200)
                .body("attributes.size()", equalTo(1)).body("attributes.cn", equalTo("Only"));
        assertEquals(Map.of("cn", "Only"), fixtures.findUser(id).attributes);
        assertEquals(3, events(id, "admin.user.attributes_updated"));
    }

    @Test
    void setPasswordHashesTheNewPassword() {
        UUID id = create("frank-" + UUID.randomUUID(), null);
        as().body(Map.of("password", "a brand new password")).put("/admin/users/" + id + "/password").then().statusCode(204);
        assertTrue(new Argon2idPasswordHasher().verify("a brand new password".toCharArray(), fixtures.findUser(id).passwordHash));
        as().body(Map.of("password", "short")).put("/admin/users/" + id + "/password").then().statusCode(400);
        as().body(Map.of()).put("/admin/users/" + id + "/password").then().statusCode(400);
        assertEquals(1, events(id, "admin.user.password_set"));
    }

    @Test
    void disablingEndsTheUsersSessionsAndEnablingLiftsTheBlock() {
        UserEntity user = fixtures.user("gina");
        SessionEntity s = fixtures.session(user.id, List.of());
        as().post("/admin/users/" + user.id + "/disable").then().statusCode(200).body("enabled", equalTo(false));
        assertFalse(fixtures.findUser(user.id).enabled);
        assertNotNull(fixtures.findSession(s.sid).endedAt);
        as().post("/admin/users/" + user.id + "/enable").then().statusCode(200).body("enabled", equalTo(true));
        assertTrue(fixtures.findUser(user.id).enabled);
    }

    @Test
    void deleteRemovesTheUserWithSessionsAndGrants() {
        UserEntity user = fixtures.user("hank");
        String client = fixtures.client(Map.of()).clientId;
        UUID grant = fixtures.grant(user.id, client, "openid", null, false);
        SessionEntity s = fixtures.session(user.id, List.of(client));
        as().delete("/admin/users/" + user.id).then().statusCode(204);
        assertNull(fixtures.findUser(user.id));
        assertNull(fixtures.findGrant(grant));
        assertNull(fixtures.findSession(s.sid));
        as().delete("/admin/users/" + user.id).then().statusCode(404);
        assertEquals(1, events(user.id, "admin.user.deleted"));
    }

    @Test
    void consentsAreListedAndRevokingOneRevokesTheGrantsAndTheirTokens() throws Exception {
        UserEntity user = fixtures.user("ivy");
        var rp = fixtures.client(Map.of());
        fixtures.consent(user.id, rp.clientId, List.of("openid", "profile"));
        AdminFixtures.Token userToken = fixtures.userToken(user.id, "openid profile");
        UUID grant = fixtures.grant(user.id, rp.clientId, "openid profile", null, true);
        as().get("/admin/users/" + user.id + "/consents").then().statusCode(200).body("", hasSize(1))
                .body("[0].client_id", equalTo(rp.clientId)).body("[0].client_name", equalTo(rp.clientName))
                .body("[0].scopes", equalTo(List.of("openid", "profile")));
        as().delete("/admin/users/" + user.id + "/consents/" + rp.clientId).then().statusCode(204);
        as().get("/admin/users/" + user.id + "/consents").then().statusCode(200).body("", hasSize(0));
        assertNotNull(fixtures.findGrant(grant).revokedAt, "grants.revoked_at is set");
        assertNull(fixtures.findGrant(userToken.grantId()).revokedAt, "grants to other clients stay");
        validator.validate(userToken.value());
        as().delete("/admin/users/" + user.id + "/consents/" + rp.clientId).then().statusCode(404);
        assertEquals(1, events(user.id, "admin.consent.revoked"));
    }

    @Test
    void revokingAConsentInvalidatesAccessTokensOfItsGrant() {
        UserEntity user = fixtures.user("jack");
        AdminFixtures.Token token = fixtures.userToken(user.id, "openid");
        fixtures.consent(user.id, token.clientId(), List.of("openid"));
        as().delete("/admin/users/" + user.id + "/consents/" + token.clientId()).then().statusCode(204);
        org.junit.jupiter.api.Assertions.assertThrows(AccessTokenValidator.InvalidAccessTokenException.class,
                () -> validator.validate(token.value()));
    }

    @Test
    void sessionsAreListedAndEndingOneRevokesItsOnlineGrantsAndNotifiesItsClients() {
        UserEntity user = fixtures.user("kim");
        var rp = fixtures.client(Map.of("backchannel_logout_uri", "https://rp.example/bc"));
        SessionEntity s = fixtures.session(user.id, List.of(rp.clientId));
        SessionEntity other = fixtures.session(user.id, List.of());
        UUID online = fixtures.grant(user.id, rp.clientId, "openid", s.sid, false);
        UUID offline = fixtures.grant(user.id, rp.clientId, "openid offline_access", s.sid, true);
        as().get("/admin/users/" + user.id + "/sessions").then().statusCode(200).body("", hasSize(2))
                .body("find { it.sid == '" + s.sid + "' }.clients", equalTo(List.of(rp.clientId)))
                .body("find { it.sid == '" + s.sid + "' }.active", equalTo(true));
        as().delete("/admin/users/" + user.id + "/sessions/" + s.sid).then().statusCode(204);
        assertNotNull(fixtures.findSession(s.sid).endedAt);
        assertNull(fixtures.findSession(other.sid).endedAt);
        assertNotNull(fixtures.findGrant(online).revokedAt, "Back-Channel Logout 2.7: online grants end with the session");
        assertNull(fixtures.findGrant(offline).revokedAt, "offline_access grants outlive it");
        List<LogoutDeliveryEntity> queued = QuarkusTransaction.requiringNew().call(() -> deliveries.list("sid", s.sid));
        assertEquals(1, queued.size());
        assertEquals(rp.clientId, queued.get(0).clientId);
        as().get("/admin/users/" + user.id + "/sessions").then().statusCode(200).body("", hasSize(1));
        as().queryParam("all", "true").get("/admin/users/" + user.id + "/sessions").then().statusCode(200).body("", hasSize(2));
        as().delete("/admin/users/" + user.id + "/sessions/no-such-sid").then().statusCode(404);
        UserEntity stranger = fixtures.user("stranger");
        as().delete("/admin/users/" + stranger.id + "/sessions/" + other.sid).then().statusCode(404);
        assertEquals(1, events(user.id, "admin.session.ended"));
    }
}
