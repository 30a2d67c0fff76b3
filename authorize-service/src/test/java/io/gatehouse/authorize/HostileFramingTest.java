package io.gatehouse.authorize;

import io.gatehouse.testsupport.HostileFraming;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16.1 to 16.3: broken framing at every POST endpoint of authorize-service is a 4xx with a body. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class HostileFramingTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyPostEndpointAnswersBrokenFramingWithA4xx() throws Exception {
        HostileFraming.assertEveryCaseIsAClientError(base.getPort(), List.of("/authorize", "/par", "/login", "/consent", "/device", "/device/consent", "/end-session", "/end-session/confirm", "/account/consents/revoke", "/register", "/admin/clients"));
    }
}
