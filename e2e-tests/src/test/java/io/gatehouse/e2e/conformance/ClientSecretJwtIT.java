package io.gatehouse.e2e.conformance;

import static io.gatehouse.e2e.conformance.DynamicClients.assertion;
import static io.gatehouse.e2e.conformance.DynamicClients.basicMetadata;
import static io.gatehouse.e2e.conformance.DynamicClients.hmacAssertion;
import static io.gatehouse.e2e.conformance.DynamicClients.newRsaKey;
import static io.gatehouse.e2e.conformance.DynamicClients.privateKeyJwtClient;
import static io.gatehouse.e2e.conformance.DynamicClients.register;
import static io.gatehouse.e2e.conformance.DynamicClients.registered;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jose.jwk.RSAKey;
import io.gatehouse.e2e.conformance.DynamicClients.Registered;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * client_secret_jwt through dynamic registration (OIDC Core 9, RFC 7523 2.2, RFC 7591, RFC 7592) over HTTP: the
 * secret is issued once and works as the HMAC key, registration checks token_endpoint_auth_signing_alg, and an
 * assertion made by any other method than the registered one is invalid_client.
 */
class ClientSecretJwtIT {

    static final Map<String, String> CLIENT_CREDENTIALS = Map.of("grant_type", "client_credentials");

    static Registered secretJwtClient() {
        Map<String, Object> m = basicMetadata();
        m.put("grant_types", List.of("client_credentials"));
        m.put("token_endpoint_auth_method", "client_secret_jwt");
        return registered(m, null);
    }

    static Response tokenWith(Registered c, String assertion) {
        return c.rp().tokenWithAssertion(CLIENT_CREDENTIALS, assertion);
    }

    static void invalidClient(Response r) {
        assertEquals(401, r.statusCode(), r::asString);
        assertEquals("invalid_client", r.jsonPath().getString("error"));
    }

    @Test
    void registeredSecretIsTheHmacKeyAndIsNeverShownAgain() {
        Registered c = secretJwtClient();
        String secret = c.registration().getString("client_secret");
        assertNotNull(secret);
        String tokenEndpoint = c.rp().endpoint("token_endpoint");
        Response ok = tokenWith(c, hmacAssertion(c.clientId(), secret, tokenEndpoint));
        assertEquals(200, ok.statusCode(), ok::asString);
        // RFC 7592 2.1: the read does not repeat the secret.
        Response read = given().auth().oauth2(c.registration().getString("registration_access_token"))
                .get(c.registration().getString("registration_client_uri"));
        assertEquals(200, read.statusCode(), read::asString);
        assertNull(read.jsonPath().getString("client_secret"));
        assertFalse(read.asString().contains(secret));
        // A wrong key, and the secret presented as client_secret_basic / _post, are not the registered method.
        invalidClient(tokenWith(c, hmacAssertion(c.clientId(), secret + "x", tokenEndpoint)));
        invalidClient(c.rp().token(CLIENT_CREDENTIALS));
        invalidClient(c.rp().tokenWithPost(CLIENT_CREDENTIALS));
    }

    @Test
    void anAssertionSignedByAnotherMethodIsInvalidClient() {
        Registered c = secretJwtClient();
        RSAKey key = newRsaKey();
        // An RS256 assertion for a client_secret_jwt client.
        invalidClient(tokenWith(c, assertion(c.clientId(), key, c.rp().endpoint("token_endpoint"))));
        // An HS256 assertion for a private_key_jwt client (keyed by anything, even a guessed "secret").
        Map<String, Object> m = privateKeyJwtClient(key);
        m.remove("redirect_uris");
        m.put("grant_types", List.of("client_credentials"));
        Registered pk = registered(m, key);
        invalidClient(pk.rp().tokenWithAssertion(CLIENT_CREDENTIALS,
                hmacAssertion(pk.clientId(), "0123456789abcdef0123456789abcdef0123456789a", pk.rp().endpoint("token_endpoint"))));
        Response ok = pk.token(CLIENT_CREDENTIALS);
        assertEquals(200, ok.statusCode(), ok::asString);
    }

    @Test
    void registrationChecksTheSigningAlgorithmAgainstTheMethod() {
        Map<String, Object> m = basicMetadata("https://rp.example/cb");
        m.put("token_endpoint_auth_method", "client_secret_jwt");
        m.put("token_endpoint_auth_signing_alg", "RS256");
        Response r = register(m);
        assertEquals(400, r.statusCode(), r::asString);
        assertEquals("invalid_client_metadata", r.jsonPath().getString("error"));
        m.put("token_endpoint_auth_signing_alg", "HS256");
        Response ok = register(m);
        assertEquals(201, ok.statusCode(), ok::asString);
        assertEquals("HS256", ok.jsonPath().getString("token_endpoint_auth_signing_alg"));
    }

    @Test
    void switchingToClientSecretJwtThroughRfc7592IssuesAUsableSecret() {
        Map<String, Object> m = basicMetadata();
        m.put("grant_types", List.of("client_credentials"));
        Registered basic = registered(m, null); // client_secret_basic: the secret is kept only as a hash
        String oldSecret = basic.registration().getString("client_secret");
        Map<String, Object> update = new LinkedHashMap<>(m);
        update.put("client_id", basic.clientId());
        update.put("token_endpoint_auth_method", "client_secret_jwt");
        Response u = given().auth().oauth2(basic.registration().getString("registration_access_token"))
                .contentType(ContentType.JSON).body(update).put(basic.registration().getString("registration_client_uri"));
        assertEquals(200, u.statusCode(), u::asString);
        String newSecret = u.jsonPath().getString("client_secret");
        assertNotNull(newSecret, "a hashed secret cannot become an HMAC key: a new one is issued (RFC 7592 2.2)");
        assertNotEquals(oldSecret, newSecret);
        String tokenEndpoint = basic.rp().endpoint("token_endpoint");
        assertEquals(200, basic.rp().tokenWithAssertion(CLIENT_CREDENTIALS, hmacAssertion(basic.clientId(), newSecret,
                tokenEndpoint)).statusCode());
        invalidClient(basic.rp().tokenWithAssertion(CLIENT_CREDENTIALS, hmacAssertion(basic.clientId(), oldSecret, tokenEndpoint)));
    }
}
