package io.gatehouse.discovery;

import io.gatehouse.model.client.ClientAuthenticator;
import io.gatehouse.model.discovery.ClientAuthMethod;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.claims.ClaimsResolver;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.discovery.ProviderFacts;
import io.gatehouse.model.discovery.ProviderMetadata;
import io.gatehouse.model.keys.KeysConfig;
import io.gatehouse.testsupport.DiscoveryRules;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class DiscoveryEndpointTest {

    private static final String OPENID = "/.well-known/openid-configuration";

    @Inject
    jakarta.enterprise.inject.Instance<ClientAuthenticator> authenticators;
    @Inject
    GatehouseConfig config;
    @Inject
    KeysConfig keys;
    @Inject
    ClaimsResolver claims;

    private static Map<String, Object> fetch(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getMap("");
    }

    @ParameterizedTest
    @ValueSource(strings = {OPENID, "/.well-known/oauth-authorization-server"})
    void documentIsShortLivedCacheableJsonReadableFromAnyOrigin(String path) {
        given().header("Origin", "https://rp.example").get(path).then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", "public, max-age=300")
                .header("Access-Control-Allow-Origin", "*")
                .body("issuer", equalTo(config.issuer()));
    }

    @Test
    void bothWellKnownDocumentsAreTheDocumentOfTheRegistry() {
        Map<String, Object> expected = ProviderMetadata.document(ProviderFacts.of(config, keys.algorithms(),
                claims.supportedClaims()));
        assertEquals(expected, fetch(OPENID));
        assertEquals(expected, fetch("/.well-known/oauth-authorization-server"));
    }

    @Test
    void clientAuthListsAreExactlyTheRegisteredAuthenticators() {
        // The issue 18 rule: discovery advertises what the ClientAuthenticator beans implement, nothing else.
        Map<String, Object> doc = fetch(OPENID);
        java.util.Set<String> methods = new java.util.HashSet<>();
        java.util.Set<String> algs = new java.util.HashSet<>();
        java.util.Map<String, List<String>> byMethod = new java.util.HashMap<>();
        for (ClientAuthenticator a : authenticators) {
            methods.add(a.method());
            algs.addAll(a.signingAlgorithms());
            byMethod.put(a.method(), a.signingAlgorithms());
        }
        assertTrue(methods.contains("client_secret_jwt") && methods.contains("private_key_jwt"), methods::toString);
        assertEquals(methods, new java.util.HashSet<>((List<?>) doc.get("token_endpoint_auth_methods_supported")));
        assertEquals(algs, new java.util.HashSet<>((List<?>) doc.get("token_endpoint_auth_signing_alg_values_supported")));
        assertEquals(algs, new java.util.HashSet<>((List<?>) doc.get("revocation_endpoint_auth_signing_alg_values_supported")));
        methods.remove("none");
        assertEquals(methods, new java.util.HashSet<>((List<?>) doc.get("introspection_endpoint_auth_methods_supported")));
        // The registry's shipped list (used by the pure document tests) is the same.
        assertEquals(byMethod, new java.util.HashMap<>(ClientAuthMethod.shipped()));
    }

    @Test
    void documentSatisfiesDiscoveryAsFarAsTheServedEndpointsAllow() {
        boolean complete = Endpoint.AUTHORIZATION.implemented() && Endpoint.TOKEN.implemented() && Endpoint.USERINFO.implemented();
        assertEquals(List.of(), DiscoveryRules.violations(fetch(OPENID), config.issuer() + OPENID, complete));
    }

    @Test
    void issuerIsExactlyTheConfiguredIssuerAndEndpointsAreAtTheirServicesPublicUrls() {
        Map<String, Object> doc = fetch(OPENID);
        assertEquals(config.issuer(), doc.get("issuer"));
        assertEquals(config.urls().discovery() + "/jwks", doc.get("jwks_uri"));
        assertEquals(config.urls().userinfo() + "/userinfo", doc.get("userinfo_endpoint"));
    }

    @Test
    void nothingTheRegistryDoesNotServeIsAdvertised() {
        Map<String, Object> doc = fetch(OPENID);
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            e.metadataMember().filter(m -> doc.containsKey(m) != e.implemented()).ifPresent(wrong::add);
        }
        assertEquals(List.of(), wrong);
        if (!Endpoint.AUTHORIZATION.implemented()) {
            assertFalse(doc.containsKey("response_types_supported"));
        }
        if (!Endpoint.END_SESSION.implemented()) {
            assertFalse(doc.keySet().stream().anyMatch(k -> k.contains("logout")));
        }
    }

    @Test
    void signingAlgorithmsAreTheConfiguredOnesWithRs256First() {
        Map<String, Object> doc = fetch(OPENID);
        assertEquals(List.of("RS256", "PS256", "ES256", "EdDSA"), doc.get("id_token_signing_alg_values_supported"));
        assertEquals(List.of("public", "pairwise"), doc.get("subject_types_supported"));
    }

    @Test
    void claimsSupportedComeFromTheClaimMapping() {
        assertEquals(List.copyOf(claims.supportedClaims()), fetch(OPENID).get("claims_supported"));
    }
}
