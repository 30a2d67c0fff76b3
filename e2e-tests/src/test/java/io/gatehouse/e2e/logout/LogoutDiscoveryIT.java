package io.gatehouse.e2e.logout;

import io.gatehouse.e2e.conformance.ConformanceReport;
import io.gatehouse.e2e.conformance.Plan;
import org.junit.jupiter.api.extension.ExtendWith;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatehouse.e2e.RunningSuite;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The discovery-verification modules of the three logout plans (CONFORMANCE.md section 7). They need the discovery
 * document generated from the capability registry (END_SESSION implemented), which another branch brings.
 */
@Plan("Logout discovery")
@ExtendWith(ConformanceReport.class)
class LogoutDiscoveryIT {

    static JsonPath discovery() {
        return given().get(RunningSuite.get().issuer() + "/.well-known/openid-configuration").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    @DisplayName("oidcc-rp-initiated-logout-discovery-endpoint-verification")
    void rpInitiatedLogoutDiscovery() {
        assertEquals(RunningSuite.url("authorize-service") + "/end-session", discovery().getString("end_session_endpoint"));
    }

    @Test
    @DisplayName("oidcc-frontchannel-logout-discovery-endpoint-verification")
    void frontchannelLogoutDiscovery() {
        JsonPath d = discovery();
        assertEquals(Boolean.TRUE, d.get("frontchannel_logout_supported"));
        assertEquals(Boolean.TRUE, d.get("frontchannel_logout_session_supported"), "sid support is required for certification");
        assertEquals(RunningSuite.url("authorize-service") + "/end-session", d.getString("end_session_endpoint"));
    }

    @Test
    @DisplayName("oidcc-backchannel-logout-discovery-endpoint-verification")
    void backchannelLogoutDiscovery() {
        JsonPath d = discovery();
        assertEquals(Boolean.TRUE, d.get("backchannel_logout_supported"));
        assertEquals(Boolean.TRUE, d.get("backchannel_logout_session_supported"), "sid support is required for certification");
        assertEquals(RunningSuite.url("authorize-service") + "/end-session", d.getString("end_session_endpoint"));
    }
}
