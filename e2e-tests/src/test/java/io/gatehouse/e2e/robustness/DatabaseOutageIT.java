package io.gatehouse.e2e.robustness;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.conformance.ConformanceReport;
import io.gatehouse.e2e.conformance.Plan;
import io.gatehouse.launcher.Database;
import io.gatehouse.launcher.LocalPostgres;
import io.gatehouse.launcher.Suite;
import io.gatehouse.testsupport.TestDatabase;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stopped in the middle of a load and started again (issue: faults): requests during the outage
 * fail with a clean 503, never a 500; readiness reports down; the services recover by themselves; every token
 * handed out is backed by exactly one grant row.
 */
@ExtendWith(ConformanceReport.class)
@Plan("Robustness: faults")
class DatabaseOutageIT {

    static final String CLIENT = "demo-service";
    static final String SECRET = "demo-service-secret-local-only";

    @Test
    @DisplayName("database outage: clean 503s, readiness down, recovery without lost or duplicated grants")
    void outageGivesCleanErrorsAndRecovers() throws Exception {
        Suite suite = RunningSuite.get();
        LocalPostgres postgres = TestDatabase.embeddedServer().orElse(null);
        assumeTrue(postgres != null, "needs the embedded PostgreSQL to stop and start it");
        String token = suite.service("token-service").baseUrl() + "/token";
        assumeTrue(clientCredentials(token).statusCode() == 200, "needs the client_credentials grant");

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Set<String> grantIds = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            load.submit(() -> {
                long end = System.currentTimeMillis() + 60_000; // bounded even if the test fails
                while (running.get() && System.currentTimeMillis() < end) {
                    try {
                        Response r = clientCredentials(token);
                        statuses.merge(r.statusCode(), 1, Integer::sum);
                        if (r.statusCode() == 200) {
                            grantIds.add(grantId(r.jsonPath().getString("access_token")));
                        } else {
                            assertTrue(!r.asString().contains("Exception") && !r.asString().contains("\tat "), "no stack trace");
                        }
                    } catch (RuntimeException e) {
                        statuses.merge(-1, 1, Integer::sum);
                    }
                }
            });
        }
        Thread.sleep(1500);
        postgres.stopServer();
        try {
            Thread.sleep(3000);
            for (Suite.Service s : suite.services()) {
                assertEquals(503, given().get(s.baseUrl() + "/q/health/ready").statusCode(), s.name() + " readiness must be down");
            }
            Response during = clientCredentials(token);
            assertEquals(503, during.statusCode(), during::asString);
            assertEquals("temporarily_unavailable", during.jsonPath().getString("error"));
        } finally {
            postgres.startServer();
        }
        long deadline = System.currentTimeMillis() + 30_000;
        boolean recovered = false;
        while (!recovered && System.currentTimeMillis() < deadline) {
            recovered = suite.services().stream().allMatch(s -> given().get(s.baseUrl() + "/q/health/ready").statusCode() == 200)
                    && clientCredentials(token).statusCode() == 200;
            Thread.sleep(250);
        }
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS), "no hung threads");
        assertTrue(recovered, "services recover by themselves once PostgreSQL is back");
        assertEquals(null, statuses.get(500), "no 500 during the outage: " + statuses);
        assertTrue(statuses.getOrDefault(503, 0) > 0, "the outage was seen: " + statuses);

        Database db = TestDatabase.get();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement("select count(*) from grants where id = ?::uuid")) {
            for (String id : grantIds) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "every issued token has exactly one grant row: " + id);
                }
            }
        }
    }

    static Response clientCredentials(String tokenUrl) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "client_credentials", "client_id", CLIENT, "client_secret", SECRET))
                .post(tokenUrl);
    }

    static String grantId(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return io.restassured.path.json.JsonPath.from(payload).getString("grant_id");
    }
}
