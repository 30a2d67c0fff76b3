package io.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The operator revokes a key at discovery-service; the other services, separate processes, stop accepting what
 * it signed (they hear {@code NOTIFY gatehouse_keys}), and it leaves the JWKS.
 */
class EmergencyRotationIT {

    @Test
    void keyRevokedAtDiscoveryServiceStopsVerifyingInTheOtherServices() throws Exception {
        String issuer = RunningSuite.get().issuer();
        String operator = "operator-" + UUID.randomUUID();
        UUID operatorGrant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String rp = "rp-" + UUID.randomUUID();
        UUID userGrant = UUID.randomUUID();
        try (Connection c = SuiteKeys.database()) {
            update(c, "insert into clients (client_id, scope, grant_types) values (?, 'gatehouse:admin', '{client_credentials}')",
                    operator);
            update(c, "insert into grants (id, client_id, scope) values (?, ?, 'gatehouse:admin')", operatorGrant, operator);
            update(c, "insert into users (id, username) values (?, ?)", user, "rotation-" + user);
            update(c, "insert into clients (client_id, scope) values (?, 'openid')", rp);
            update(c, "insert into grants (id, user_id, client_id, scope) values (?, ?, ?, 'openid')", userGrant, user, rp);
        }
        SuiteKeys.ActiveKey ps256 = SuiteKeys.active("PS256");
        String userToken = SuiteKeys.accessToken(ps256, issuer, user.toString(), rp, "openid", userGrant);
        String userinfo = RunningSuite.url("userinfo-service") + "/userinfo";
        given().auth().oauth2(userToken).get(userinfo).then().statusCode(200);

        String adminToken = SuiteKeys.accessToken(SuiteKeys.active("RS256"), issuer, operator, operator, "gatehouse:admin",
                operatorGrant);
        Map<String, Object> done = given().auth().oauth2(adminToken).formParam("revoke_kid", ps256.kid())
                .post(RunningSuite.url("discovery-service") + "/admin/keys/rotate")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(ps256.kid(), done.get("revoked"));

        await("userinfo-service refuses the revoked key's token",
                () -> given().auth().oauth2(userToken).get(userinfo).statusCode() == 401);
        await("the JWKS no longer lists the revoked key", () -> !kids().contains(ps256.kid()));
        String fresh = ((List<?>) done.get("activated")).get(0).toString();
        assertTrue(kids().contains(fresh));
        assertEquals(fresh, SuiteKeys.active("PS256").kid());
    }

    private static List<String> kids() {
        return given().get(RunningSuite.url("discovery-service") + "/jwks").jsonPath().getList("keys.kid");
    }

    /** Waits for another process to act; the deadline only bounds a failure, it measures nothing. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static void update(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
