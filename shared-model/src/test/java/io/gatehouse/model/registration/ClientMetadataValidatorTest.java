package io.gatehouse.model.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.error.OAuthException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Client metadata rules of RFC 7591 2 and OIDC Registration 2, one behaviour per test. */
class ClientMetadataValidatorTest {

    static final Set<String> ALGS = Set.of("RS256", "PS256", "ES256", "EdDSA");
    static final RegistrationPolicy OPEN = new RegistrationPolicy(ALGS,
            Optional.of(Set.of("openid", "profile", "email", "address", "phone", "offline_access")),
            "openid profile email address phone offline_access", false);
    static final ClientMetadataValidator VALIDATOR = new ClientMetadataValidator(OPEN);

    static Map<String, Object> web(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("redirect_uris", List.of("https://rp.example/cb"));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static OAuthException refused(Map<String, Object> request) {
        return assertThrows(OAuthException.class, () -> VALIDATOR.validate(request));
    }

    static void invalidMetadata(Map<String, Object> request, String mentioning) {
        OAuthException e = refused(request);
        assertEquals("invalid_client_metadata", e.error().code(), e.error().description());
        assertEquals(400, e.error().status());
        assertTrue(e.error().description().contains(mentioning), e.error().description());
    }

    static void invalidRedirect(Map<String, Object> request) {
        OAuthException e = refused(request);
        assertEquals("invalid_redirect_uri", e.error().code(), e.error().description());
        assertEquals(400, e.error().status());
    }

    @Test
    void minimalWebClientGetsTheDocumentedDefaults() {
        ClientMetadata m = VALIDATOR.validate(web());
        assertEquals(List.of("code"), m.responseTypes());
        assertEquals(List.of("authorization_code"), m.grantTypes());
        assertEquals("client_secret_basic", m.tokenEndpointAuthMethod());
        assertEquals("web", m.applicationType());
        assertEquals(OPEN.defaultScope(), m.scope());
        assertTrue(m.needsSecret());
        assertEquals(List.of("code"), m.document().get("response_types"));
        assertEquals("client_secret_basic", m.document().get("token_endpoint_auth_method"));
    }

    @Test
    void grantTypesDefaultToWhatTheResponseTypesNeed() {
        ClientMetadata m = VALIDATOR.validate(web("response_types", List.of("code id_token")));
        assertEquals(List.of("authorization_code", "implicit"), m.grantTypes());
    }

    @Test
    void responseTypesAreStoredInCanonicalOrder() {
        ClientMetadata m = VALIDATOR.validate(web("response_types", List.of("token id_token", "id_token code"),
                "grant_types", List.of("authorization_code", "implicit")));
        assertEquals(List.of("id_token token", "code id_token"), m.responseTypes());
    }

    @Test
    void requireSignedRequestObjectWithAlgNoneIsInconsistent() {
        invalidMetadata(web("require_signed_request_object", true, "request_object_signing_alg", "none"), "require_signed_request_object");
        VALIDATOR.validate(web("require_signed_request_object", true, "request_object_signing_alg", "RS256"));
    }

    @Test
    void codeResponseTypeWithoutAuthorizationCodeGrantIsInconsistent() {
        invalidMetadata(web("response_types", List.of("code"), "grant_types", List.of("implicit")), "authorization_code");
    }

    @Test
    void idTokenResponseTypeWithoutImplicitGrantIsInconsistent() {
        invalidMetadata(web("response_types", List.of("id_token"), "grant_types", List.of("authorization_code")), "implicit");
        invalidMetadata(web("response_types", List.of("code token"), "grant_types", List.of("authorization_code")), "implicit");
    }

    @Test
    void clientCredentialsOnlyClientNeedsNoRedirectUriAndGetsNoResponseType() {
        ClientMetadata m = VALIDATOR.validate(Map.of("grant_types", List.of("client_credentials")));
        assertEquals(List.of(), m.responseTypes());
        assertEquals(List.of(), m.redirectUris());
    }

    @Test
    void unknownResponseOrGrantTypeIsRefused() {
        invalidMetadata(web("response_types", List.of("token")), "response_types");
        invalidMetadata(web("response_types", List.of("code code")), "response_types");
        invalidMetadata(web("grant_types", List.of("password")), "grant_types");
    }

    @Test
    void redirectUrisAreRequiredForRedirectBasedGrants() {
        invalidRedirect(Map.of("client_name", "x"));
        invalidRedirect(Map.of("redirect_uris", List.of()));
    }

    @Test
    void redirectUriWithFragmentIsRefused() {
        invalidRedirect(web("redirect_uris", List.of("https://rp.example/cb#frag")));
        invalidRedirect(web("redirect_uris", List.of("https://rp.example/cb#")));
    }

    @Test
    void relativeRedirectUriIsRefused() {
        invalidRedirect(web("redirect_uris", List.of("/cb")));
        invalidRedirect(web("redirect_uris", List.of("not a uri")));
    }

    @Test
    void redirectUriWithQueryIsAccepted() {
        assertEquals(List.of("https://rp.example/cb?foo=bar"),
                VALIDATOR.validate(web("redirect_uris", List.of("https://rp.example/cb?foo=bar"))).redirectUris());
    }

    @Test
    void webClientNeedsHttpsOutsideDevelopment() {
        invalidRedirect(web("redirect_uris", List.of("http://rp.example/cb")));
        invalidRedirect(web("redirect_uris", List.of("http://localhost:9090/cb")));
        invalidRedirect(web("redirect_uris", List.of("com.example.app:/cb")));
    }

    @Test
    void webClientMayUseHttpLoopbackInDevelopmentOnly() {
        RegistrationPolicy dev = new RegistrationPolicy(ALGS, Optional.empty(), "openid", true);
        ClientMetadata m = new ClientMetadataValidator(dev).validate(web("redirect_uris", List.of("http://localhost:9090/cb")));
        assertEquals(List.of("http://localhost:9090/cb"), m.redirectUris());
        assertThrows(OAuthException.class, () -> new ClientMetadataValidator(dev)
                .validate(web("redirect_uris", List.of("http://rp.example/cb"))));
    }

    @Test
    void implicitWebClientMustNotUseLocalhost() {
        invalidRedirect(web("redirect_uris", List.of("https://localhost/cb"), "response_types", List.of("id_token")));
    }

    @Test
    void nativeClientMayUseCustomSchemeAndHttpLoopback() {
        ClientMetadata m = VALIDATOR.validate(web("application_type", "native",
                "redirect_uris", List.of("com.example.app:/oauth2redirect", "http://127.0.0.1:51004/cb", "http://[::1]/cb",
                        "http://localhost/cb")));
        assertEquals(4, m.redirectUris().size());
        assertEquals("native", m.applicationType());
    }

    @Test
    void nativeClientMayNotUseHttpOnOtherHostsOrHttps() {
        invalidRedirect(web("application_type", "native", "redirect_uris", List.of("http://rp.example/cb")));
        invalidRedirect(web("application_type", "native", "redirect_uris", List.of("https://rp.example/cb")));
    }

    @Test
    void scriptSchemesAreNeverRedirectUris() {
        invalidRedirect(web("application_type", "native", "redirect_uris", List.of("javascript:alert(1)")));
        invalidRedirect(web("application_type", "native", "redirect_uris", List.of("data:text/html,x")));
    }

    @Test
    void redirectUriWithUserInformationIsRefused() {
        invalidRedirect(web("redirect_uris", List.of("https://user:pw@rp.example/cb")));
    }

    @Test
    void unknownApplicationTypeIsRefused() {
        invalidMetadata(web("application_type", "desktop"), "application_type");
    }

    @Test
    void languageTaggedNamesAreKept() {
        ClientMetadata m = VALIDATOR.validate(web("client_name", "My Example", "client_name#ja-Jpan-JP", "クライアント名",
                "logo_uri#fr", "https://rp.example/logo-fr.png"));
        assertEquals("クライアント名", m.document().get("client_name#ja-Jpan-JP"));
        assertEquals("https://rp.example/logo-fr.png", m.document().get("logo_uri#fr"));
        assertEquals(Optional.of("My Example"), m.clientName());
    }

    @Test
    void badLanguageTagIsRefused() {
        invalidMetadata(web("client_name#not a tag", "x"), "language tag");
        invalidMetadata(web("client_name#", "x"), "language tag");
    }

    @Test
    void pageUrlsMustBeHttpUrls() {
        for (String member : List.of("logo_uri", "client_uri", "policy_uri", "tos_uri")) {
            invalidMetadata(web(member, "javascript:alert(1)"), member);
            invalidMetadata(web(member, "relative/path"), member);
            assertEquals("https://rp.example/" + member, VALIDATOR.validate(web(member, "https://rp.example/" + member))
                    .document().get(member));
        }
    }

    @Test
    void membersOfTheWrongTypeAreRefused() {
        invalidMetadata(web("client_name", 42), "client_name");
        invalidMetadata(web("contacts", "ops@rp.example"), "contacts");
        invalidMetadata(web("require_auth_time", "yes"), "require_auth_time");
        invalidMetadata(web("default_max_age", -1), "default_max_age");
        invalidMetadata(web("default_max_age", 1.5), "default_max_age");
        invalidMetadata(web("redirect_uris", "https://rp.example/cb"), "redirect_uris");
        invalidMetadata(web("default_acr_values", List.of(1)), "default_acr_values");
    }

    @Test
    void jwksAndJwksUriTogetherAreRefused() {
        Map<String, Object> jwks = Map.of("keys", List.of(Map.of("kty", "RSA", "n", "abc", "e", "AQAB")));
        invalidMetadata(web("jwks", jwks, "jwks_uri", "https://rp.example/jwks"), "jwks_uri");
    }

    @Test
    void jwksMustHoldPublicKeysOnly() {
        invalidMetadata(web("jwks", Map.of("keys", List.of(Map.of("kty", "oct", "k", "c2VjcmV0")))), "public keys");
        invalidMetadata(web("jwks", Map.of("keys", List.of())), "jwks");
        invalidMetadata(web("jwks", List.of()), "jwks");
    }

    @Test
    void jwksUriNeedsHttps() {
        invalidMetadata(web("jwks_uri", "http://rp.example/jwks"), "jwks_uri");
    }

    @Test
    void privateKeyJwtNeedsKeys() {
        invalidMetadata(web("token_endpoint_auth_method", "private_key_jwt"), "jwks");
        ClientMetadata m = VALIDATOR.validate(web("token_endpoint_auth_method", "private_key_jwt",
                "jwks_uri", "https://rp.example/jwks", "token_endpoint_auth_signing_alg", "ES256"));
        assertFalse(m.needsSecret());
    }

    @Test
    void signingAlgorithmOutsideTheServersIsRefused() {
        invalidMetadata(web("id_token_signed_response_alg", "HS256"), "id_token_signed_response_alg");
        invalidMetadata(web("id_token_signed_response_alg", "none"), "id_token_signed_response_alg");
        invalidMetadata(web("userinfo_signed_response_alg", "RS512"), "userinfo_signed_response_alg");
        invalidMetadata(web("token_endpoint_auth_method", "private_key_jwt", "jwks_uri", "https://rp.example/jwks",
                "token_endpoint_auth_signing_alg", "none"), "token_endpoint_auth_signing_alg");
        assertEquals("none", VALIDATOR.validate(web("request_object_signing_alg", "none")).document().get("request_object_signing_alg"));
        assertEquals("PS256", VALIDATOR.validate(web("id_token_signed_response_alg", "PS256")).document().get("id_token_signed_response_alg"));
    }

    @Test
    void authSigningAlgWithoutAJwtMethodIsInconsistent() {
        invalidMetadata(web("token_endpoint_auth_signing_alg", "RS256"), "private_key_jwt");
    }

    @Test
    void clientSecretJwtGetsASecretAndOnlyItsAlgorithms() {
        ClientMetadata m = VALIDATOR.validate(web("token_endpoint_auth_method", "client_secret_jwt"));
        assertTrue(m.needsSecret());
        assertTrue(m.needsEncryptedSecret());
        assertEquals("HS256", VALIDATOR.validate(web("token_endpoint_auth_method", "client_secret_jwt",
                "token_endpoint_auth_signing_alg", "HS256")).document().get("token_endpoint_auth_signing_alg"));
        // OIDC Registration 2: the alg must be one the method's authenticator verifies.
        invalidMetadata(web("token_endpoint_auth_method", "client_secret_jwt", "token_endpoint_auth_signing_alg", "RS256"),
                "token_endpoint_auth_signing_alg");
        invalidMetadata(web("token_endpoint_auth_method", "client_secret_jwt", "token_endpoint_auth_signing_alg", "HS512"),
                "token_endpoint_auth_signing_alg");
        invalidMetadata(web("token_endpoint_auth_method", "private_key_jwt", "jwks_uri", "https://rp.example/jwks",
                "token_endpoint_auth_signing_alg", "HS256"), "token_endpoint_auth_signing_alg");
        assertFalse(VALIDATOR.validate(web("token_endpoint_auth_method", "client_secret_basic")).needsEncryptedSecret());
    }

    @Test
    void unsupportedAuthMethodsAreRefused() {
        invalidMetadata(web("token_endpoint_auth_method", "tls_client_auth"), "token_endpoint_auth_method");
    }

    @Test
    void publicClientNeedsNoSecretAndMayNotUseClientCredentials() {
        assertFalse(VALIDATOR.validate(web("token_endpoint_auth_method", "none")).needsSecret());
        invalidMetadata(Map.of("grant_types", List.of("client_credentials"), "token_endpoint_auth_method", "none"), "client_credentials");
    }

    @Test
    void pairwiseSubjectTypeIsAcceptedWithOneRedirectHost() {
        assertEquals("pairwise", VALIDATOR.validate(web("subject_type", "pairwise", "redirect_uris",
                List.of("https://rp.example/cb", "https://rp.example/other"))).document().get("subject_type"));
        assertEquals("public", VALIDATOR.validate(web("subject_type", "public")).document().get("subject_type"));
        invalidMetadata(web("subject_type", "secret"), "subject_type");
    }

    @Test
    void pairwiseWithSeveralRedirectHostsNeedsASectorIdentifierUri() {
        // OIDC Core 8.1: several hosts in redirect_uris: the client MUST register a sector_identifier_uri.
        invalidMetadata(web("subject_type", "pairwise", "redirect_uris",
                List.of("https://a.example/cb", "https://b.example/cb")), "sector_identifier_uri");
        assertEquals("pairwise", VALIDATOR.validate(web("subject_type", "pairwise", "redirect_uris",
                        List.of("https://a.example/cb", "https://b.example/cb"), "sector_identifier_uri",
                        "https://sector.example/s.json")).document().get("subject_type"));
    }

    static Map<String, Object> encJwks() {
        java.security.KeyPair pair = io.gatehouse.model.jose.EncryptionKeyType.ENC_RSA.generateKeyPair();
        return Map.of("keys", List.of(io.gatehouse.model.jose.Jwk.publicJwk(pair.getPublic(), "e1", "RSA", "enc", null)));
    }

    @Test
    void encryptionAlgWithoutEncGetsTheDefaultEnc() {
        // OIDC Registration 2: the enc defaults to A128CBC-HS256 when only the alg is given.
        Map<String, Object> doc = VALIDATOR.validate(web("id_token_encrypted_response_alg", "RSA-OAEP-256", "jwks", encJwks())).document();
        assertEquals("A128CBC-HS256", doc.get("id_token_encrypted_response_enc"));
        assertEquals("A256GCM", VALIDATOR.validate(web("userinfo_encrypted_response_alg", "RSA-OAEP", "userinfo_encrypted_response_enc",
                "A256GCM", "jwks", encJwks())).document().get("userinfo_encrypted_response_enc"));
    }

    @Test
    void encryptionEncWithoutAlgIsRefused() {
        invalidMetadata(web("userinfo_encrypted_response_enc", "A128GCM"), "userinfo_encrypted_response_alg");
        invalidMetadata(web("request_object_encryption_enc", "A128GCM"), "request_object_encryption_alg");
    }

    @Test
    void unsupportedEncryptionAlgorithmsAreRefused() {
        invalidMetadata(web("id_token_encrypted_response_alg", "RSA1_5", "jwks", encJwks()), "id_token_encrypted_response_alg");
        invalidMetadata(web("id_token_encrypted_response_alg", "PBES2-HS256+A128KW"), "id_token_encrypted_response_alg");
        invalidMetadata(web("id_token_encrypted_response_alg", "RSA-OAEP", "id_token_encrypted_response_enc", "A192GCM",
                "jwks", encJwks()), "id_token_encrypted_response_enc");
        // JARM's encrypted authorization responses are not implemented
        invalidMetadata(web("authorization_encrypted_response_alg", "RSA-OAEP"), "authorization_encrypted_response_alg");
    }

    @Test
    void asymmetricEncryptionToTheClientNeedsAKeyThatFits() {
        invalidMetadata(web("id_token_encrypted_response_alg", "RSA-OAEP"), "jwks");
        // an EC key cannot take RSA-OAEP; a key marked use sig is not for encryption
        invalidMetadata(web("id_token_encrypted_response_alg", "ECDH-ES", "jwks", encJwks()), "EC key");
        java.security.KeyPair sig = io.gatehouse.model.jose.JwsAlgorithm.RS256.generateKeyPair();
        invalidMetadata(web("userinfo_encrypted_response_alg", "RSA-OAEP", "jwks", Map.of("keys", List.of(
                io.gatehouse.model.jose.Jwk.publicJwk(sig.getPublic(), "s1", io.gatehouse.model.jose.JwsAlgorithm.RS256)))), "RSA key");
        // by reference the key is checked when it is used
        VALIDATOR.validate(web("id_token_encrypted_response_alg", "ECDH-ES+A128KW", "jwks_uri", "https://rp.example/jwks"));
        // request objects are encrypted to the server's keys: nothing needed from the client
        VALIDATOR.validate(web("request_object_encryption_alg", "RSA-OAEP-256"));
    }

    @Test
    void symmetricEncryptionNeedsASecretAndKeepsItEncrypted() {
        ClientMetadata m = VALIDATOR.validate(web("id_token_encrypted_response_alg", "A128KW"));
        assertTrue(m.needsEncryptedSecret(), "OIDC Core 10.2: the key is derived from the secret, so it is kept readable");
        assertTrue(VALIDATOR.validate(web("request_object_encryption_alg", "dir")).needsEncryptedSecret());
        assertFalse(VALIDATOR.validate(web("id_token_encrypted_response_alg", "RSA-OAEP", "jwks", encJwks())).needsEncryptedSecret());
        invalidMetadata(web("userinfo_encrypted_response_alg", "dir", "token_endpoint_auth_method", "none"), "client secret");
        invalidMetadata(web("id_token_encrypted_response_alg", "A256KW", "token_endpoint_auth_method", "private_key_jwt",
                "jwks", encJwks()), "client secret");
    }

    @Test
    void initiateLoginUriNeedsHttps() {
        invalidMetadata(web("initiate_login_uri", "http://rp.example/login"), "initiate_login_uri");
        assertEquals("https://rp.example/login",
                VALIDATOR.validate(web("initiate_login_uri", "https://rp.example/login")).document().get("initiate_login_uri"));
    }

    @Test
    void sectorIdentifierUriNeedsHttps() {
        invalidMetadata(web("sector_identifier_uri", "http://rp.example/sector.json"), "sector_identifier_uri");
        assertEquals(Optional.of("https://rp.example/sector.json"),
                VALIDATOR.validate(web("sector_identifier_uri", "https://rp.example/sector.json")).sectorIdentifierUri());
    }

    @Test
    void postLogoutRedirectUrisFollowTheRedirectRules() {
        invalidMetadata(web("post_logout_redirect_uris", List.of("https://rp.example/bye#x")), "post_logout_redirect_uris");
        invalidMetadata(web("post_logout_redirect_uris", List.of("http://rp.example/bye")), "post_logout_redirect_uris");
        assertEquals(List.of("https://rp.example/bye"),
                VALIDATOR.validate(web("post_logout_redirect_uris", List.of("https://rp.example/bye"))).postLogoutRedirectUris());
    }

    @Test
    void logoutUrisAreValidated() {
        invalidMetadata(web("backchannel_logout_uri", "ftp://rp.example/bc"), "backchannel_logout_uri");
        invalidMetadata(web("backchannel_logout_uri", "https://rp.example/bc#x"), "backchannel_logout_uri");
        ClientMetadata m = VALIDATOR.validate(web("backchannel_logout_uri", "https://rp.example/bc",
                "backchannel_logout_session_required", true, "frontchannel_logout_uri", "https://rp.example/fc?x=1",
                "frontchannel_logout_session_required", true));
        assertEquals(true, m.document().get("backchannel_logout_session_required"));
        assertEquals("https://rp.example/fc?x=1", m.document().get("frontchannel_logout_uri"));
    }

    @Test
    void frontchannelLogoutUriMustShareTheOriginOfARedirectUri() {
        invalidMetadata(web("frontchannel_logout_uri", "https://elsewhere.example/fc"), "frontchannel_logout_uri");
        invalidMetadata(web("frontchannel_logout_uri", "https://rp.example:8443/fc"), "frontchannel_logout_uri");
    }

    @Test
    void scopeOutsideTheAllowedSetIsRefused() {
        invalidMetadata(web("scope", "openid gatehouse:admin"), "gatehouse:admin");
        invalidMetadata(web("scope", "openid \"quoted\""), "scope");
        assertEquals("openid email", VALIDATOR.validate(web("scope", "openid  email openid")).scope());
    }

    @Test
    void operatorPolicyAllowsAnyScope() {
        RegistrationPolicy operator = new RegistrationPolicy(ALGS, Optional.empty(), "openid", false);
        assertEquals("gatehouse:admin", new ClientMetadataValidator(operator)
                .validate(Map.of("grant_types", List.of("client_credentials"), "scope", "gatehouse:admin")).scope());
    }

    @Test
    void unknownMembersAreDroppedAndServerValuesIgnored() {
        Map<String, Object> request = web("x_custom", "value", "client_id", "chosen", "client_secret", "chosen",
                "registration_access_token", "t", "logo_uri", null);
        Map<String, Object> doc = VALIDATOR.validate(request).document();
        assertFalse(doc.containsKey("x_custom"));
        assertFalse(doc.containsKey("client_id"));
        assertFalse(doc.containsKey("client_secret"));
        assertFalse(doc.containsKey("registration_access_token"));
        assertFalse(doc.containsKey("logo_uri"));
    }

    @Test
    void everyIssueMemberIsKept() {
        Map<String, Object> request = web("contacts", List.of("ops@rp.example"), "default_max_age", 3600,
                "require_auth_time", true, "default_acr_values", List.of("urn:acr:1"), "software_id", "sw",
                "software_version", "1.0", "request_uris", List.of("https://rp.example/req#abc"),
                "require_pushed_authorization_requests", false, "client_uri", "https://rp.example/");
        Map<String, Object> doc = VALIDATOR.validate(request).document();
        for (String member : request.keySet()) {
            assertTrue(doc.containsKey(member), member);
        }
    }

    @Test
    void nulCharactersAnywhereAreRefused() {
        invalidMetadata(web("client_name", "a\0b"), "NUL");
        invalidMetadata(web("jwks", Map.of("keys", List.of(Map.of("kty", "RSA", "n", "\0")))), "NUL");
        invalidMetadata(web("x_unknown\0", "v"), "NUL");
    }

    @Test
    void errorDescriptionsStayWithinTheAllowedCharacters() {
        OAuthException e = refused(web("application_type", "\"quoted\"\n"));
        assertFalse(e.error().description().contains("\""));
        assertFalse(e.error().description().contains("\n"));
    }
}
