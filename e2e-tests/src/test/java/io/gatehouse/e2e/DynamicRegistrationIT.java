package io.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OIDC Registration 3 / conformance "oidcc-server" of the dynamic plan: a client that registered itself at the
 * advertised registration_endpoint completes an authorization code flow, and the RP validates the ID token with an
 * independent library. Runs once discovery advertises both endpoints (the suite opens registration).
 */
class DynamicRegistrationIT {

    static final String REDIRECT_URI = "http://localhost:9090/cb-registered";

    @Test
    void clientRegisteredThroughRegisterCompletesAFullAuthorizationCodeFlow() {
        String issuer = RunningSuite.get().issuer();
        JsonPath discovery = given().get(issuer + "/.well-known/openid-configuration").then().statusCode(200).extract().jsonPath();
        assumeTrue(discovery.getString("authorization_endpoint") != null && discovery.getString("registration_endpoint") != null,
                "discovery does not advertise both authorization_endpoint and registration_endpoint yet");

        JsonPath registered = given().contentType(ContentType.JSON)
                .body(Map.of("client_name", "Dynamically registered RP", "redirect_uris", List.of(REDIRECT_URI),
                        "response_types", List.of("code"), "grant_types", List.of("authorization_code"),
                        "token_endpoint_auth_method", "client_secret_basic", "scope", "openid profile email"))
                .post(discovery.getString("registration_endpoint")).then().statusCode(201)
                .body("client_id", notNullValue()).body("client_secret", notNullValue())
                .body("registration_access_token", notNullValue()).extract().jsonPath();

        RelyingParty rp = new RelyingParty(issuer, registered.getString("client_id"), registered.getString("client_secret"), REDIRECT_URI);
        given().auth().oauth2(registered.getString("registration_access_token")).get(registered.getString("registration_client_uri"))
                .then().statusCode(200).body("client_id", equalTo(rp.clientId));

        Map<String, String> request = rp.request("code", "openid profile");
        UserAgentDriver alice = new UserAgentDriver(new Browser(), "alice", "alice-password-local-only");
        AuthorizationOutcome outcome = alice.authorize(rp.endpoint("authorization_endpoint"), request, REDIRECT_URI);
        assertTrue(outcome.isCallback(), "the OP sent the browser back: " + outcome);
        assertEquals(request.get("state"), outcome.param("state"));
        String code = outcome.param("code");
        assertNotNull(code, "authorization code in " + outcome);

        JsonPath tokens = rp.redeem(code).then().statusCode(200).extract().jsonPath();
        IDTokenClaimsSet idToken = rp.validateIdToken(tokens.getString("id_token"), request.get("nonce"));
        assertTrue(idToken.getAudience().stream().anyMatch(a -> a.getValue().equals(rp.clientId)));
        rp.userinfo(tokens.getString("access_token")).then().statusCode(200).body("sub", equalTo(idToken.getSubject().getValue()));
    }
}
