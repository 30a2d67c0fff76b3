package io.gatehouse.e2e.robustness;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.SuiteKeys;
import io.gatehouse.launcher.Suite;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17.3: token issuance is audited in batches after the commit, off the request path; a clean shutdown (SIGTERM,
 * as Kubernetes stops a pod) writes every queued event before the process ends.
 */
class AuditShutdownIT {

    @Test
    void noTokenIssuedEventIsLostWhenTokenServiceStopsCleanly() throws Exception {
        Suite suite = RunningSuite.get();
        String token = RunningSuite.url("token-service") + "/token";
        String scope = "api.read";
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long before = issued();
        int n = 40;
        for (int i = 0; i < n; i++) {
            Response r = given().formParam("grant_type", "client_credentials").formParam("client_id", "demo-service")
                    .formParam("client_secret", "demo-service-secret-local-only").formParam("scope", scope).post(token);
            assertEquals(200, r.statusCode(), r.asString() + " " + marker);
        }
        // At once: the last events are still queued when the stop begins.
        suite.stop("token-service");
        try {
            assertEquals(before + n, issued(), "every token_issued event was written before the process ended");
        } finally {
            suite.revive("token-service", Duration.ofSeconds(60));
        }
    }

    private static long issued() throws Exception {
        try (Connection c = SuiteKeys.database();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from audit_events where type = 'token_issued' and client_id = 'demo-service'");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
