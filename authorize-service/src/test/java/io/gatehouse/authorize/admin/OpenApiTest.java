package io.gatehouse.authorize.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The admin API and the registration endpoints are described at /q/openapi, with the bearer scheme they need. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class OpenApiTest {

    @Test
    void openApiDocumentDescribesAdminAndRegistration() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/admin/clients"))
                .body("paths", hasKey("/admin/clients/{client_id}/secret"))
                .body("paths", hasKey("/admin/users/{user}/sessions/{sid}"))
                .body("paths", hasKey("/admin/audit-events"))
                .body("paths", hasKey("/register"))
                .body("paths", hasKey("/register/{client_id}"))
                .body("components.securitySchemes.gatehouse-admin", notNullValue());
    }
}
