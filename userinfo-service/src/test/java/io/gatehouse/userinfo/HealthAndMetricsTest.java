package io.gatehouse.userinfo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class HealthAndMetricsTest {

    @Inject
    Tracer tracer;

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /**
     * Tracing is off unless OTEL_SDK_DISABLED=false (docs/tracing.md): the SDK then runs without span processors or
     * exporters, so spans live for their request only and nothing is exported.
     */
    @Test
    void tracingIsOffByDefault() {
        assertEquals(Optional.of(Boolean.TRUE), ConfigProvider.getConfig().getOptionalValue("quarkus.otel.sdk.disabled", Boolean.class));
        Span span = tracer.spanBuilder("probe").startSpan();
        span.end(); // no processor: the span goes nowhere
    }
}
