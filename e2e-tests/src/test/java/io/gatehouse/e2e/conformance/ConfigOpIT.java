package io.gatehouse.e2e.conformance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.e2e.RunningSuite;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Config OP plan (CONFORMANCE.md section 2): oidcc-discovery-endpoint-verification. */
@Plan("Config OP")
class ConfigOpIT extends ConformanceFlows {

    @Test
    @DisplayName("oidcc-discovery-endpoint-verification")
    void discoveryEndpointVerification() {
        verifiedDiscovery();
    }

    /** The checks of the module (also run, with the dynamic rules added, by the Dynamic OP plan); the document. */
    static JsonPath verifiedDiscovery() {
        String issuer = RunningSuite.get().issuer();
        Response r = given().get(issuer + "/.well-known/openid-configuration");
        assertEquals(200, r.statusCode());
        assertTrue(String.valueOf(r.contentType()).startsWith("application/json"));
        JsonPath d = r.jsonPath();
        assertEquals(issuer, d.getString("issuer"), "issuer = discovery URL minus the well-known suffix");
        List<String> responseTypes = d.getList("response_types_supported");
        assertTrue(responseTypes.stream().anyMatch(List.of("code", "code id_token", "id_token", "id_token token",
                "code id_token token", "code token")::contains));
        List<String> subjects = d.getList("subject_types_supported");
        assertTrue(subjects.contains("public") || subjects.contains("pairwise"));
        assertTrue(d.getList("id_token_signing_alg_values_supported").contains("RS256"));
        assertNotNull(d.getString("authorization_endpoint"));
        assertNotNull(d.getString("token_endpoint"));
        assertNotNull(d.getString("userinfo_endpoint"));
        String jwksUri = d.getString("jwks_uri");
        List<Map<String, Object>> keys = given().get(jwksUri).then().statusCode(200).extract().jsonPath().getList("keys");
        assertFalse(keys.isEmpty());
        for (Map<String, Object> k : keys) {
            assertNotNull(k.get("kid"));
            for (String privateMember : List.of("d", "p", "q", "dp", "dq", "qi", "k")) {
                assertFalse(k.containsKey(privateMember), "no private member " + privateMember + " in the JWKS");
            }
        }
        List<String> scopes = d.getList("scopes_supported");
        if (scopes != null) {
            assertTrue(scopes.contains("openid"));
        }
        List<String> grants = d.getList("grant_types_supported");
        if (grants != null) {
            assertFalse(grants.isEmpty());
        }
        Object challenge = d.get("code_challenge_methods_supported");
        if (challenge != null) {
            assertTrue(challenge instanceof List);
        }
        return d;
    }
}
