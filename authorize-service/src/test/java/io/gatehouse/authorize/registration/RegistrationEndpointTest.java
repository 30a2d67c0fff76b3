package io.gatehouse.authorize.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.authorize.admin.AdminFixtures;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.repository.AuditEventRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /register (RFC 7591 3, OIDC Registration 3): access, every rule's error, the response and what is stored. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RegistrationEndpointTest {

    /** Its hash is configured in the test profile (application.properties). */
    static final String INITIAL_TOKEN = "test-initial-access-token";

    @Inject
    AdminFixtures fixtures;
    @Inject
    AuditEventRepository audit;

    static Map<String, Object> web(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("redirect_uris", List.of("https://rp.example/cb"));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static ValidatableResponse register(Object body) {
        return given().header("Authorization", "Bearer " + INITIAL_TOKEN).contentType(ContentType.JSON).body(body)
                .post("/register").then();
    }

    static ExtractableResponse<Response> registered(Object body) {
        return register(body).statusCode(201).extract();
    }

    static void refused(Object body, String error) {
        register(body).statusCode(400).contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body("error", equalTo(error)).body("error_description", notNullValue());
    }

    @Test
    void registrationWithoutInitialAccessTokenGetsBareBearerChallenge() {
        given().contentType(ContentType.JSON).body(web()).post("/register").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void registrationWithUnknownInitialAccessTokenIsInvalidToken() {
        given().header("Authorization", "Bearer not-the-token").contentType(ContentType.JSON).body(web()).post("/register")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void minimalRegistrationAnswers201WithDefaultsSecretAndRegistrationCredentials() {
        var r = register(web()).statusCode(201).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .body("client_id", notNullValue())
                .body("client_secret", notNullValue())
                .body("client_secret_expires_at", equalTo(0))
                .body("client_id_issued_at", greaterThan(0))
                .body("registration_access_token", notNullValue())
                .body("response_types", equalTo(List.of("code")))
                .body("grant_types", equalTo(List.of("authorization_code")))
                .body("token_endpoint_auth_method", equalTo("client_secret_basic"))
                .body("application_type", equalTo("web"))
                .body("redirect_uris", equalTo(List.of("https://rp.example/cb")))
                .extract();
        String clientId = r.path("client_id");
        assertEquals("http://localhost:8081/register/" + clientId, r.path("registration_client_uri"));
        ClientEntity stored = fixtures.findClient(clientId);
        assertEquals(Sha256.hash(r.path("client_secret")), stored.secretHash, "secret stored only as its hash");
        assertEquals(Sha256.hash(r.path("registration_access_token")), stored.registrationTokenHash);
        assertFalse(stored.metadata.containsKey("client_secret"));
        assertEquals(43, ((String) r.path("client_secret")).length(), "256 random bits, base64url");
    }

    @Test
    void everyMemberIsStoredInColumnsAndDocumentAndEchoed() {
        Map<String, Object> request = web("client_name", "Example RP", "client_name#ja-Jpan-JP", "クライアント名",
                "logo_uri", "https://rp.example/logo.png", "client_uri", "https://rp.example/", "policy_uri", "https://rp.example/policy",
                "tos_uri", "https://rp.example/tos", "contacts", List.of("ops@rp.example"),
                "response_types", List.of("code", "code id_token"), "grant_types", List.of("authorization_code", "implicit", "refresh_token"),
                "id_token_signed_response_alg", "ES256", "userinfo_signed_response_alg", "RS256",
                "request_object_signing_alg", "RS256", "default_max_age", 3600, "require_auth_time", true,
                "default_acr_values", List.of("urn:gatehouse:pwd"), "initiate_login_uri", "https://rp.example/login",
                "post_logout_redirect_uris", List.of("https://rp.example/bye"), "backchannel_logout_uri", "https://rp.example/bc",
                "backchannel_logout_session_required", true, "frontchannel_logout_uri", "https://rp.example/fc",
                "frontchannel_logout_session_required", true, "scope", "openid profile email", "subject_type", "public",
                "client_secret", "chosen-by-client");
        var r = registered(request);
        for (String member : request.keySet()) {
            if (!member.equals("client_secret")) {
                assertTrue(r.jsonPath().getMap("$").containsKey(member), member);
            }
        }
        assertFalse("chosen-by-client".equals(r.path("client_secret")), "a client never chooses its secret");
        ClientEntity stored = fixtures.findClient(r.path("client_id"));
        assertEquals("Example RP", stored.clientName);
        assertEquals(List.of("code", "code id_token"), stored.responseTypes);
        assertEquals(List.of("authorization_code", "implicit", "refresh_token"), stored.grantTypes);
        assertEquals(List.of("https://rp.example/bye"), stored.postLogoutRedirectUris);
        assertEquals("openid profile email", stored.scope);
        assertEquals("クライアント名", stored.metadata.get("client_name#ja-Jpan-JP"));
        assertEquals("ES256", stored.metadata.get("id_token_signed_response_alg"));
        assertEquals("https://rp.example/bc", stored.metadata.get("backchannel_logout_uri"));
        assertTrue(stored.enabled);
        assertFalse(stored.firstParty);
    }

    /** Issue 18.2: the secret of a client_secret_jwt client is its HMAC key: kept encrypted, never in clear. */
    @Test
    void clientSecretJwtClientGetsASecretStoredEncryptedAndNeverInClear() {
        var r = registered(web("token_endpoint_auth_method", "client_secret_jwt", "token_endpoint_auth_signing_alg", "HS256"));
        String secret = r.path("client_secret");
        assertEquals(43, secret.length());
        assertEquals("HS256", r.path("token_endpoint_auth_signing_alg"));
        ClientEntity stored = fixtures.findClient(r.path("client_id"));
        assertEquals("client_secret_jwt", stored.tokenEndpointAuthMethod);
        assertNotNull(stored.secretEncrypted, "recoverable only by decryption with the key-encryption key");
        assertFalse(new String(stored.secretEncrypted, java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret), "not in clear");
        assertFalse(String.valueOf(stored.metadata).contains(secret));
        assertEquals(Sha256.hash(secret), stored.secretHash);
    }

    @Test
    void publicClientGetsNoSecret() {
        var r = registered(web("token_endpoint_auth_method", "none"));
        assertNull(r.path("client_secret"));
        assertNull(r.path("client_secret_expires_at"));
        assertNull(fixtures.findClient(r.path("client_id")).secretHash);
    }

    @Test
    void privateKeyJwtClientWithJwksGetsNoSecret() {
        Map<String, Object> jwks = Map.of("keys", List.of(Map.of("kty", "EC", "crv", "P-256", "x", "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                "y", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")));
        var r = registered(web("token_endpoint_auth_method", "private_key_jwt", "jwks", jwks));
        assertNull(r.path("client_secret"));
        assertEquals("EC", r.path("jwks.keys[0].kty"));
    }

    @Test
    void redirectUriWithFragmentIsInvalidRedirectUri() {
        refused(web("redirect_uris", List.of("https://rp.example/cb#fragment")), "invalid_redirect_uri");
    }

    @Test
    void missingRedirectUrisIsInvalidRedirectUri() {
        refused(Map.of("client_name", "no redirect"), "invalid_redirect_uri");
    }

    @Test
    void httpRedirectUriOfWebClientIsInvalidRedirectUri() {
        refused(web("redirect_uris", List.of("http://rp.example/cb")), "invalid_redirect_uri");
        refused(web("redirect_uris", List.of("http://localhost:9090/cb")), "invalid_redirect_uri");
    }

    @Test
    void relativeRedirectUriIsInvalidRedirectUri() {
        refused(web("redirect_uris", List.of("/cb")), "invalid_redirect_uri");
    }

    @Test
    void nativeClientRegistersCustomSchemeAndLoopbackRedirects() {
        var r = registered(web("application_type", "native", "redirect_uris",
                List.of("com.example.app:/oauth2redirect", "http://127.0.0.1:43210/cb")));
        assertEquals("native", r.path("application_type"));
        refused(web("application_type", "native", "redirect_uris", List.of("http://rp.example/cb")), "invalid_redirect_uri");
    }

    @Test
    void inconsistentResponseAndGrantTypesAreInvalidClientMetadata() {
        refused(web("response_types", List.of("code"), "grant_types", List.of("implicit")), "invalid_client_metadata");
        refused(web("response_types", List.of("id_token"), "grant_types", List.of("authorization_code")), "invalid_client_metadata");
    }

    @Test
    void unsupportedValuesAreInvalidClientMetadata() {
        refused(web("subject_type", "secret"), "invalid_client_metadata");
        refused(web("token_endpoint_auth_method", "tls_client_auth"), "invalid_client_metadata");
        refused(web("token_endpoint_auth_method", "client_secret_jwt", "token_endpoint_auth_signing_alg", "RS256"),
                "invalid_client_metadata");
        refused(web("id_token_signed_response_alg", "HS256"), "invalid_client_metadata");
        refused(web("id_token_encrypted_response_alg", "RSA-OAEP"), "invalid_client_metadata");
        refused(web("response_types", List.of("token")), "invalid_client_metadata");
    }

    @Test
    void jwksTogetherWithJwksUriIsInvalidClientMetadata() {
        refused(web("jwks_uri", "https://rp.example/jwks", "jwks", Map.of("keys", List.of(Map.of("kty", "RSA", "n", "x", "e", "AQAB")))),
                "invalid_client_metadata");
    }

    @Test
    void initiateLoginUriWithoutHttpsIsInvalidClientMetadata() {
        refused(web("initiate_login_uri", "http://rp.example/login"), "invalid_client_metadata");
    }

    @Test
    void badLanguageTagIsInvalidClientMetadata() {
        refused(web("client_name#not a tag!", "x"), "invalid_client_metadata");
    }

    @Test
    void operatorScopeCannotBeRegistered() {
        refused(web("scope", "openid gatehouse:admin"), "invalid_client_metadata");
    }

    @Test
    void bodyThatIsNotAJsonObjectIsInvalidClientMetadata() {
        refused("[1,2]", "invalid_client_metadata");
        given().header("Authorization", "Bearer " + INITIAL_TOKEN).contentType(ContentType.JSON).body("{not json")
                .post("/register").then().statusCode(400).body("error", equalTo("invalid_client_metadata"));
        given().header("Authorization", "Bearer " + INITIAL_TOKEN).contentType(ContentType.URLENC).formParam("client_name", "x")
                .post("/register").then().statusCode(400).body("error", equalTo("invalid_client_metadata"));
        given().header("Authorization", "Bearer " + INITIAL_TOKEN).contentType(ContentType.JSON)
                .body("{\"client_name\":\"a\",\"client_name\":\"b\",\"redirect_uris\":[\"https://rp.example/cb\"]}")
                .post("/register").then().statusCode(400).body("error", equalTo("invalid_client_metadata"));
    }

    @Test
    void unknownMembersAreIgnored() {
        var r = registered(web("x_unknown_extension", "whatever"));
        assertNull(r.path("x_unknown_extension"));
    }

    @Test
    void sectorIdentifierListingEveryRedirectUriIsAccepted() {
        try (TlsDocumentServer sector = TlsDocumentServer.serve(200, "[\"https://rp.example/cb\",\"https://rp.example/other\"]", null)) {
            var r = registered(web("sector_identifier_uri", sector.url()));
            assertEquals(sector.url(), r.path("sector_identifier_uri"));
        }
    }

    @Test
    void sectorIdentifierLackingARedirectUriIsInvalidClientMetadata() {
        try (TlsDocumentServer sector = TlsDocumentServer.serve(200, "[\"https://rp.example/other\"]", null)) {
            register(web("sector_identifier_uri", sector.url())).statusCode(400)
                    .body("error", equalTo("invalid_client_metadata"))
                    .body("error_description", containsString("https://rp.example/cb"));
        }
    }

    @Test
    void sectorIdentifierRedirectIsNotFollowed() {
        try (TlsDocumentServer target = TlsDocumentServer.serve(200, "[\"https://rp.example/cb\"]", null);
             TlsDocumentServer sector = TlsDocumentServer.serve(302, "", target.url())) {
            refused(web("sector_identifier_uri", sector.url()), "invalid_client_metadata");
        }
    }

    @Test
    void sectorIdentifierThatIsNotAnArrayIsInvalidClientMetadata() {
        try (TlsDocumentServer sector = TlsDocumentServer.serve(200, "{\"redirect_uris\":[\"https://rp.example/cb\"]}", null)) {
            refused(web("sector_identifier_uri", sector.url()), "invalid_client_metadata");
        }
    }

    @Test
    void sectorIdentifierOverHttpOrUnreachableIsInvalidClientMetadata() {
        refused(web("sector_identifier_uri", "http://127.0.0.1:9/sector.json"), "invalid_client_metadata");
        refused(web("sector_identifier_uri", "https://127.0.0.1:9/sector.json"), "invalid_client_metadata");
    }

    @Test
    void registrationWritesAnAuditEvent() {
        String clientId = registered(web()).path("client_id");
        long events = QuarkusTransaction.requiringNew().call(() -> audit.count("clientId = ?1 and type = ?2", clientId, "client.registered"));
        assertEquals(1, events);
    }

    @Test
    void failedRegistrationWritesNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> audit.count("type", "client.registered"));
        refused(web("redirect_uris", List.of("https://rp.example/cb#x")), "invalid_redirect_uri");
        long after = QuarkusTransaction.requiringNew().call(() -> audit.count("type", "client.registered"));
        assertEquals(before, after);
    }

    @Test
    void responseNeverCarriesServerInternals() {
        register(web()).statusCode(201).body("$", not(hasKey("secret_hash"))).body("$", not(hasKey("registration_token_hash")));
    }
}
