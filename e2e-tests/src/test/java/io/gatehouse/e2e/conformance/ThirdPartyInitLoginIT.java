package io.gatehouse.e2e.conformance;

import static io.gatehouse.e2e.conformance.DynamicClients.basicMetadata;
import static io.gatehouse.e2e.conformance.DynamicClients.register;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gatehouse.e2e.rp.RelyingParty;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 3rd Party-Init OP plan (CONFORMANCE.md section 7): a client registers the initiate_login_uri a third party sends
 * the browser to (OIDC Core 4; OIDC Registration 2), and it is kept, echoed and read back (RFC 7592 2.1); it must be
 * https.
 */
@Plan("3rd Party-Init OP")
class ThirdPartyInitLoginIT extends ConformanceFlows {

    static final String CALLBACK = "http://localhost:9090/third-party-cb";

    @Test
    @DisplayName("oidcc-3rd_party-init-login")
    void initiateLoginUriIsRegisteredEchoedAndReadBack() {
        String initiate = "https://rp.example/initiate-login/" + RelyingParty.random();
        Map<String, Object> m = basicMetadata(CALLBACK);
        m.put("initiate_login_uri", initiate);
        Response r = register(m);
        assertEquals(201, r.statusCode(), r::asString);
        JsonPath registered = r.jsonPath();
        assertEquals(initiate, registered.getString("initiate_login_uri"), "echoed by the registration response (RFC 7591 3.2.1)");
        String clientUri = registered.getString("registration_client_uri");
        assertNotNull(clientUri);
        Response read = given().auth().oauth2(registered.getString("registration_access_token")).get(clientUri);
        assertEquals(200, read.statusCode(), read::asString);
        assertEquals(registered.getString("client_id"), read.jsonPath().getString("client_id"));
        assertEquals(initiate, read.jsonPath().getString("initiate_login_uri"), "returned by the client configuration endpoint (RFC 7592 2.1)");
    }

    @Test
    @DisplayName("oidcc-3rd_party-init-login-nohttps")
    void initiateLoginUriWithoutHttpsIsRefused() {
        Map<String, Object> m = basicMetadata(CALLBACK);
        m.put("initiate_login_uri", "http://rp.example/initiate-login");
        Response r = register(m);
        assertEquals(400, r.statusCode(), r::asString);
        assertEquals("invalid_client_metadata", r.jsonPath().getString("error"), "OIDC Registration 2: initiate_login_uri MUST use https");
        assertNull(r.jsonPath().getString("client_id"));
    }
}
