package io.gatehouse.model.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.testsupport.DiscoveryRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The discovery document against the capability registry, and against Discovery 1.0 section 3. */
class ProviderMetadataTest {

    private static final String ISSUER = "https://id.example.com";
    private static final Map<Service, String> LOCAL = Map.of(Service.AUTHORIZE, "http://localhost:8081",
            Service.TOKEN, "http://localhost:8082", Service.USERINFO, "http://localhost:8083",
            Service.DISCOVERY, "http://localhost:8084/");
    private static final List<String> CLAIMS = List.of("sub", "name", "email", "email_verified");

    private static ProviderFacts facts(Set<Endpoint> served) {
        return new ProviderFacts(ISSUER, LOCAL, served, List.of(JwsAlgorithm.ES256, JwsAlgorithm.RS256, JwsAlgorithm.EdDSA),
                CLAIMS);
    }

    private static Set<Endpoint> all() {
        return EnumSet.allOf(Endpoint.class);
    }

    @Test
    void documentOfTheCurrentRegistryAdvertisesOnlyServedEndpointsAndFeatures() {
        Set<Endpoint> served = Set.copyOf(Endpoint.served());
        assertConsistent(served, ProviderMetadata.document(facts(served)));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void anEndpointNotServedTakesItsMemberAndEveryFeatureThatNeedsItOutOfTheDocument(Endpoint missing) {
        Set<Endpoint> served = EnumSet.allOf(Endpoint.class);
        served.remove(missing);
        assertConsistent(served, ProviderMetadata.document(facts(served)));
    }

    @Test
    void documentWithNothingButDiscoveryServedStillCarriesTheRequiredKeyMembers() {
        Set<Endpoint> served = EnumSet.of(Endpoint.OPENID_CONFIGURATION, Endpoint.JWKS);
        Map<String, Object> doc = ProviderMetadata.document(facts(served));
        assertConsistent(served, doc);
        assertEquals(Set.of("issuer", "jwks_uri", "subject_types_supported", "id_token_signing_alg_values_supported"),
                doc.keySet());
    }

    @Test
    void responseTypesAreAdvertisedOnlyWithTheAuthorizationEndpointAndCodeTypesOnlyWithTheTokenEndpoint() {
        assertFalse(ProviderMetadata.document(facts(EnumSet.of(Endpoint.TOKEN, Endpoint.JWKS)))
                .containsKey("response_types_supported"));
        assertEquals(List.of("id_token", "id_token token"), ProviderMetadata.document(
                facts(EnumSet.of(Endpoint.AUTHORIZATION, Endpoint.JWKS))).get("response_types_supported"));
        assertEquals(List.of("code", "id_token", "id_token token", "code id_token", "code token", "code id_token token"),
                ProviderMetadata.document(facts(all())).get("response_types_supported"));
    }

    @Test
    void logoutMembersAppearOnlyWithTheEndSessionEndpoint() {
        Set<Endpoint> withoutLogout = EnumSet.allOf(Endpoint.class);
        withoutLogout.remove(Endpoint.END_SESSION);
        Map<String, Object> doc = ProviderMetadata.document(facts(withoutLogout));
        assertTrue(doc.keySet().stream().noneMatch(k -> k.contains("logout") || k.equals("end_session_endpoint")));
        Map<String, Object> full = ProviderMetadata.document(facts(all()));
        for (String m : List.of("frontchannel_logout_supported", "frontchannel_logout_session_supported",
                "backchannel_logout_supported", "backchannel_logout_session_supported")) {
            assertEquals(true, full.get(m), m);
        }
        assertEquals("http://localhost:8081/end-session", full.get("end_session_endpoint"));
    }

    @Test
    void completeDocumentSatisfiesDiscoveryAndTheConfigOpChecks() {
        Map<String, Object> doc = ProviderMetadata.document(facts(all()));
        assertEquals(List.of(), DiscoveryRules.violations(doc, ISSUER + "/.well-known/openid-configuration", true));
    }

    @Test
    void encryptionListsAreWhatRegistrationAcceptsAndJweDoes() {
        Map<String, Object> doc = ProviderMetadata.document(facts(all()));
        List<String> algs = List.of("RSA-OAEP", "RSA-OAEP-256", "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A256KW", "A128KW", "A256KW", "dir");
        List<String> encs = List.of("A128CBC-HS256", "A256CBC-HS512", "A128GCM", "A256GCM");
        for (String jwt : List.of("id_token", "userinfo", "request_object")) {
            assertEquals(algs, doc.get(jwt + "_encryption_alg_values_supported"), jwt);
            assertEquals(encs, doc.get(jwt + "_encryption_enc_values_supported"), jwt);
        }
        // each advertised value is one that registration accepts (JweTest round-trips every pair)
        var validator = new io.gatehouse.model.registration.ClientMetadataValidator(new io.gatehouse.model.registration.RegistrationPolicy(
                Set.of("RS256"), java.util.Optional.empty(), "openid", false));
        for (String alg : algs) {
            for (String enc : encs) {
                Map<String, Object> request = new java.util.LinkedHashMap<>(Map.of("redirect_uris", List.of("https://rp.example/cb"),
                        "request_object_encryption_alg", alg, "request_object_encryption_enc", enc));
                assertEquals(enc, validator.validate(request).document().get("request_object_encryption_enc"));
            }
        }
    }

    @Test
    void completeDocumentHasTheMembersTheIssueAsksFor() {
        Map<String, Object> doc = ProviderMetadata.document(facts(all()));
        assertEquals(ISSUER, doc.get("issuer"));
        assertEquals(List.of("openid", "profile", "email", "address", "phone", "offline_access"), doc.get("scopes_supported"));
        assertEquals(List.of("query", "fragment", "form_post"), doc.get("response_modes_supported"));
        assertEquals(List.of("authorization_code", "implicit", "refresh_token", "client_credentials",
                "urn:ietf:params:oauth:grant-type:device_code", "urn:ietf:params:oauth:grant-type:token-exchange"), doc.get("grant_types_supported"));
        assertEquals(List.of("public", "pairwise"), doc.get("subject_types_supported"));
        assertEquals(List.of("RS256", "ES256", "EdDSA"), doc.get("id_token_signing_alg_values_supported"),
                "RS256 first, then the configured order");
        assertEquals(doc.get("id_token_signing_alg_values_supported"), doc.get("userinfo_signing_alg_values_supported"));
        assertEquals(List.of("none", "RS256", "PS256", "ES256", "EdDSA"), doc.get("request_object_signing_alg_values_supported"));
        assertEquals(List.of("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt", "none"),
                doc.get("token_endpoint_auth_methods_supported"));
        assertEquals(List.of("HS256", "RS256", "PS256", "ES256", "EdDSA"), doc.get("token_endpoint_auth_signing_alg_values_supported"));
        assertEquals(doc.get("token_endpoint_auth_methods_supported"), doc.get("revocation_endpoint_auth_methods_supported"));
        assertEquals(List.of("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt"),
                doc.get("introspection_endpoint_auth_methods_supported"));
        assertEquals(CLAIMS, doc.get("claims_supported"));
        assertEquals(List.of("normal"), doc.get("claim_types_supported"));
        assertEquals(List.of("S256"), doc.get("code_challenge_methods_supported"));
        assertEquals(List.of("en", "de", "sv"), doc.get("ui_locales_supported"));
        for (String flag : List.of("claims_parameter_supported", "request_parameter_supported",
                "authorization_response_iss_parameter_supported")) {
            assertEquals(true, doc.get(flag), flag);
        }
        // Request objects by reference (OIDC Core 6.2), without required registration of request_uris (Discovery 3).
        assertEquals(true, doc.get("request_uri_parameter_supported"));
        assertEquals(true, doc.get("require_request_uri_registration"));
        assertEquals(false, doc.get("require_pushed_authorization_requests"));
        assertEquals(List.of("none", "login", "consent", "select_account"), doc.get("prompt_values_supported"));
    }

    @Test
    void everyEndpointIsAtItsOwningServicesPublicUrl() {
        Map<String, Object> doc = ProviderMetadata.document(facts(all()));
        assertEquals("http://localhost:8081/authorize", doc.get("authorization_endpoint"));
        assertEquals("http://localhost:8082/token", doc.get("token_endpoint"));
        assertEquals("http://localhost:8083/userinfo", doc.get("userinfo_endpoint"));
        assertEquals("http://localhost:8084/jwks", doc.get("jwks_uri"), "a trailing slash of the base URL is not doubled");
        Map<Service, String> ingress = Map.of(Service.AUTHORIZE, ISSUER, Service.TOKEN, ISSUER, Service.USERINFO, ISSUER,
                Service.DISCOVERY, ISSUER);
        Map<String, Object> behindIngress = ProviderMetadata.document(new ProviderFacts(ISSUER, ingress, all(),
                List.of(JwsAlgorithm.RS256), CLAIMS));
        assertEquals(ISSUER + "/token", behindIngress.get("token_endpoint"));
    }

    @Test
    void rs256IsAdvertisedEvenWhenTheConfigurationLeavesItOut() {
        Map<String, Object> doc = ProviderMetadata.document(new ProviderFacts(ISSUER, LOCAL, all(), List.of(JwsAlgorithm.PS256),
                CLAIMS));
        assertEquals(List.of("RS256", "PS256"), doc.get("id_token_signing_alg_values_supported"));
    }

    @Test
    void responseTypeParameterIsAnUnorderedSetOfValues() {
        assertEquals(Optional.of(ResponseType.CODE_ID_TOKEN_TOKEN), ResponseType.fromParameter("token id_token code"));
        assertEquals(Optional.of(ResponseType.CODE), ResponseType.fromParameter("code"));
        assertEquals(Optional.empty(), ResponseType.fromParameter("code code"));
        assertEquals(Optional.empty(), ResponseType.fromParameter("token"));
        assertEquals(Optional.empty(), ResponseType.fromParameter("code  id_token"));
    }

    /** Every endpoint member iff served; every other member and every value only when what it needs is served. */
    private static void assertConsistent(Set<Endpoint> served, Map<String, Object> doc) {
        List<String> problems = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            e.metadataMember().ifPresent(m -> {
                if (doc.containsKey(m) != served.contains(e)) {
                    problems.add(m + (served.contains(e) ? " missing though served" : " advertised though not served"));
                }
            });
        }
        for (MetadataMember m : MetadataMember.values()) {
            if (doc.containsKey(m.member()) && !served.containsAll(m.requires())) {
                problems.add(m.member() + " advertised without " + m.requires());
            }
        }
        Map<String, Supported[]> valued = Map.of("response_types_supported", ResponseType.values(),
                "response_modes_supported", ResponseMode.values(), "grant_types_supported", GrantType.values(),
                "scopes_supported", Scope.values(), "code_challenge_methods_supported", PkceMethod.values(),
                "ui_locales_supported", UiLocale.values(), "subject_types_supported", SubjectType.values());
        valued.forEach((member, values) -> {
            List<?> advertised = doc.get(member) instanceof List<?> l ? l : List.of();
            for (Supported s : values) {
                if (advertised.contains(s.value()) != s.servedBy(served)) {
                    problems.add(member + " " + s.value() + (s.servedBy(served) ? " missing" : " advertised without "
                            + s.requires()));
                }
            }
        });
        Set<String> known = new java.util.HashSet<>(Set.of("issuer"));
        Stream.of(Endpoint.values()).forEach(e -> e.metadataMember().ifPresent(known::add));
        Stream.of(MetadataMember.values()).forEach(m -> known.add(m.member()));
        doc.keySet().stream().filter(k -> !known.contains(k)).forEach(k -> problems.add(k + " is not in the registry"));
        assertEquals(List.of(), problems);
    }
}
