package io.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.gatehouse.launcher.Suite;
import org.junit.jupiter.api.Test;

/** The harness itself: four separate processes on one database, each ready, discovery served. */
class SuiteStartsIT {

    @Test
    void everyServiceReportsReady() {
        for (Suite.Service service : RunningSuite.get().services()) {
            given().get(service.baseUrl() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void discoveryDocumentIsServedWithTheConfiguredIssuer() {
        Suite suite = RunningSuite.get();
        given().get(RunningSuite.url("discovery-service") + "/.well-known/openid-configuration")
                .then().statusCode(200).body("issuer", equalTo(suite.issuer()));
    }
}
