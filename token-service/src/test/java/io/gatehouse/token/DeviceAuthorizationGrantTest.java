package io.gatehouse.token;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.model.device.UserCode;
import io.gatehouse.model.entity.DeviceCodeEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.token.TokenFixtures.TestClient;
import io.gatehouse.token.grant.DeviceCodeGrant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The device authorization grant (RFC 8628): the device authorization endpoint (3.1, 3.2) and the device's polling of
 * the token endpoint in each state of its code (3.4, 3.5). authorize-service's part (the user's answer) is written
 * directly in the database, as it would write it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class DeviceAuthorizationGrantTest {

    static final String DEVICE_GRANT = DeviceCodeGrant.TYPE;

    @Inject
    TokenFixtures fixtures;
    @Inject
    DeviceFixtures devices;

    TestClient publicDevice() {
        return fixtures.client("none", List.of(DEVICE_GRANT, "refresh_token"), "openid profile email offline_access", Map.of());
    }

    static Response start(TestClient client, String scope) {
        return TokenCalls.as(client).formParam("scope", scope).post("/device_authorization");
    }

    /** The device code of a new device authorization. */
    static String deviceCode(TestClient client, String scope) {
        return start(client, scope).then().statusCode(200).extract().jsonPath().getString("device_code");
    }

    static Response poll(TestClient client, String deviceCode) {
        return TokenCalls.token(client, Map.of("grant_type", DEVICE_GRANT, "device_code", deviceCode));
    }

    @Test
    void publicClientGetsDeviceCodeUserCodeAndVerificationUris() {
        TestClient client = publicDevice();
        Response r = start(client, "openid profile");
        r.then().statusCode(200).header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .body("expires_in", equalTo(600)).body("interval", equalTo(5))
                .body("verification_uri", equalTo("http://localhost:8081/device"));
        JsonPath body = r.jsonPath();
        String userCode = body.getString("user_code");
        assertTrue(userCode.matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}"), userCode);
        assertEquals("http://localhost:8081/device?user_code=" + userCode, body.getString("verification_uri_complete"));
        String deviceCode = body.getString("device_code");
        assertEquals(43, deviceCode.length(), "256 random bits");
        DeviceCodeEntity row = devices.row(deviceCode);
        assertNotNull(row, "stored by the SHA-256 of the device code");
        assertNotEquals(deviceCode, row.deviceCodeHash);
        assertEquals(UserCode.normalize(userCode).orElseThrow(), row.userCode);
        assertEquals(DeviceCodeEntity.PENDING, row.status);
        assertEquals("openid profile", row.scope);
        assertEquals(client.clientId(), row.clientId);
        assertEquals(5, row.intervalSeconds);
    }

    @Test
    void confidentialClientAuthenticatesByItsRegisteredMethod() {
        TestClient client = fixtures.client("client_secret_basic", List.of(DEVICE_GRANT), "openid", Map.of());
        start(client, "openid").then().statusCode(200).body("device_code", notNullValue());
        TestClient wrongSecret = new TestClient(client.clientId(), "not-the-secret", client.method());
        start(wrongSecret, "openid").then().statusCode(401).body("error", equalTo("invalid_client"))
                .header("WWW-Authenticate", notNullValue());
        TestClient withoutSecret = new TestClient(client.clientId(), null, "none");
        start(withoutSecret, "openid").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void clientNotRegisteredForTheDeviceGrantIsUnauthorizedClient() {
        TestClient client = fixtures.client("none", List.of("authorization_code"), "openid", Map.of());
        start(client, "openid").then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void scopeIsRequiredAndWithinTheRegisteredOnes() {
        TestClient client = publicDevice();
        start(client, "openid admin").then().statusCode(400).body("error", equalTo("invalid_scope"));
        TokenCalls.as(client).post("/device_authorization").then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void repeatedParameterIsInvalidRequest() {
        TestClient client = publicDevice();
        TokenCalls.as(client).formParam("scope", "openid").formParam("scope", "profile").post("/device_authorization")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void pollBeforeTheUserAnswersIsAuthorizationPending() {
        TestClient client = publicDevice();
        String code = deviceCode(client, "openid");
        poll(client, code).then().statusCode(400).header("Cache-Control", "no-store")
                .body("error", equalTo("authorization_pending"));
        assertNotNull(devices.row(code).lastPolledAt, "the poll is recorded");
    }

    @Test
    void pollingWithinTheIntervalIsSlowDownAndEachGrowsTheIntervalByFiveSeconds() {
        TestClient client = publicDevice();
        String code = deviceCode(client, "openid");
        devices.change(code, d -> d.intervalSeconds = 600); // every poll of this test falls within the interval
        poll(client, code).then().statusCode(400).body("error", equalTo("authorization_pending"));
        poll(client, code).then().statusCode(400).body("error", equalTo("slow_down"));
        assertEquals(605, devices.row(code).intervalSeconds);
        poll(client, code).then().statusCode(400).body("error", equalTo("slow_down"));
        assertEquals(610, devices.row(code).intervalSeconds, "for this and all subsequent requests (RFC 8628 3.5)");
        devices.change(code, d -> d.lastPolledAt = Instant.now().minusSeconds(611));
        poll(client, code).then().statusCode(400).body("error", equalTo("authorization_pending"));
        assertEquals(610, devices.row(code).intervalSeconds, "a poll after the interval does not grow it");
    }

    @Test
    void deniedCodeIsAccessDenied() {
        TestClient client = publicDevice();
        String code = deviceCode(client, "openid");
        devices.deny(code);
        poll(client, code).then().statusCode(400).body("error", equalTo("access_denied"));
        poll(client, code).then().statusCode(400).body("error", equalTo("access_denied"));
    }

    @Test
    void expiredCodeIsExpiredToken() {
        TestClient client = publicDevice();
        String code = deviceCode(client, "openid");
        devices.expire(code);
        poll(client, code).then().statusCode(400).body("error", equalTo("expired_token"));
        String approvedLate = deviceCode(client, "openid");
        UserEntity user = fixtures.user();
        devices.approve(approvedLate, fixtures.session(user.id));
        devices.expire(approvedLate);
        poll(client, approvedLate).then().statusCode(400).body("error", equalTo("expired_token"));
    }

    @Test
    void approvedCodeGivesTokensOnceThenInvalidGrant() throws Exception {
        TestClient client = publicDevice();
        String code = deviceCode(client, "openid profile");
        UserEntity user = fixtures.user();
        String sid = fixtures.session(user.id);
        UUID grantId = devices.approve(code, sid);
        DeviceCodeEntity approved = devices.row(code);

        JsonPath tokens = poll(client, code).then().statusCode(200).header("Cache-Control", "no-store")
                .header("Pragma", "no-cache").body("token_type", equalTo("Bearer")).body("scope", equalTo("openid profile"))
                .body("refresh_token", notNullValue()).extract().jsonPath();
        JWTClaimsSet at = fixtures.verified(tokens.getString("access_token"));
        assertEquals(user.id.toString(), at.getSubject());
        assertEquals(client.clientId(), at.getStringClaim("client_id"));
        assertEquals(grantId.toString(), at.getStringClaim("grant_id"));
        JWTClaimsSet id = fixtures.verified(tokens.getString("id_token"));
        assertEquals(user.id.toString(), id.getSubject());
        assertEquals(List.of(client.clientId()), id.getAudience());
        assertEquals(sid, id.getStringClaim("sid"));
        assertEquals(approved.authTime.getEpochSecond(), id.getLongClaim("auth_time"));
        assertEquals(List.of("pwd"), id.getStringListClaim("amr"));
        assertNull(id.getClaim("nonce"), "the device request has no nonce");
        assertEquals(DeviceCodeEntity.CONSUMED, devices.row(code).status);

        poll(client, code).then().statusCode(400).body("error", equalTo("invalid_grant"));
        TokenCalls.refresh(client, tokens.getString("refresh_token")).then().statusCode(200)
                .body("access_token", notNullValue());
        assertEquals(2, fixtures.auditEvents("token_issued", client.clientId()), "the device's tokens, then the refresh");
    }

    @Test
    void withoutOpenidOrTheRefreshGrantOnlyAnAccessTokenIsIssued() {
        TestClient client = fixtures.client("none", List.of(DEVICE_GRANT), "profile", Map.of());
        String code = deviceCode(client, "profile");
        devices.approve(code, fixtures.session(fixtures.user().id));
        poll(client, code).then().statusCode(200).body("access_token", notNullValue()).body("id_token", nullValue())
                .body("refresh_token", nullValue());
    }

    @Test
    void concurrentPollsOfAnApprovedCodeGiveTokensOnce() throws Exception {
        TestClient client = publicDevice();
        String code = deviceCode(client, "openid");
        devices.approve(code, fixtures.session(fixtures.user().id));

        List<Response> responses = ConcurrencyTest.race(() -> poll(client, code));

        assertEquals(1, ConcurrencyTest.withStatus(responses, 200).size(), "exactly one poll gets the tokens");
        List<Response> refused = ConcurrencyTest.withStatus(responses, 400);
        assertEquals(ConcurrencyTest.THREADS - 1, refused.size());
        refused.forEach(r -> assertEquals("invalid_grant", r.jsonPath().getString("error")));
    }

    @Test
    void anotherClientsOrAnUnknownDeviceCodeIsInvalidGrant() {
        TestClient owner = publicDevice();
        TestClient other = publicDevice();
        String code = deviceCode(owner, "openid");
        devices.approve(code, fixtures.session(fixtures.user().id));
        poll(other, code).then().statusCode(400).body("error", equalTo("invalid_grant"));
        poll(owner, "unknown-" + UUID.randomUUID()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        poll(owner, code).then().statusCode(200);
    }

    @Test
    void pollWithoutDeviceCodeIsInvalidRequest() {
        TokenCalls.token(publicDevice(), Map.of("grant_type", DEVICE_GRANT)).then().statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void grantRevokedAfterApprovalIsInvalidGrant() {
        TestClient client = publicDevice();
        String code = deviceCode(client, "openid");
        UUID grantId = devices.approve(code, fixtures.session(fixtures.user().id));
        fixtures.revokeGrant(grantId);
        poll(client, code).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }
}
