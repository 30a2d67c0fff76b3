package io.gatehouse.e2e.conformance;

import static io.gatehouse.e2e.conformance.DynamicClients.basicMetadata;
import static io.gatehouse.e2e.conformance.DynamicClients.register;
import static io.gatehouse.e2e.conformance.DynamicClients.registered;
import static io.gatehouse.e2e.conformance.DynamicClients.signedRequestObject;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.AESEncrypter;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.conformance.DynamicClients.Registered;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.RpHost;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Encrypted JWTs over HTTP (OIDC Core 10.2, 5.3.2, 6.1; Registration 2; RFC 7516), checked by an independent JOSE
 * implementation on the client side: ID tokens signed then encrypted to the client's key (by value and by
 * jwks_uri, RSA-OAEP and ECDH-ES), in the code and the implicit flow and on refresh; userinfo signed then encrypted,
 * or encrypted only with the secret-derived key; request objects encrypted to Gatehouse's published {@code use: enc}
 * keys or with the client secret, and the refusals registration and the authorization endpoint owe.
 */
class EncryptedJwtIT {

    static RpHost rpTlsHost;

    @BeforeAll
    static void start() {
        RunningSuite.get();
        rpTlsHost = RpHost.https();
    }

    @AfterAll
    static void stop() {
        if (rpTlsHost != null) {
            rpTlsHost.close();
        }
    }

    static RSAKey rsaEncryptionKey() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(RelyingParty.random()).keyUse(KeyUse.ENCRYPTION).generate();
    }

    static ECKey ecEncryptionKey() throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).keyID(RelyingParty.random()).keyUse(KeyUse.ENCRYPTION).generate();
    }

    static UserAgentDriver driver() {
        return new UserAgentDriver(new Browser(), ConformanceFlows.USER, ConformanceFlows.PASSWORD);
    }

    /** A code flow through the browser, redeemed: the token response. */
    static Response codeFlow(Registered c, Map<String, String> request) {
        AuthorizationOutcome o = driver().authorize(c.rp().endpoint("authorization_endpoint"), request, c.rp().redirectUri);
        assertTrue(o.isCallback() && o.param("code") != null, () -> "no code: " + o);
        Response t = c.redeem(o.param("code"), c.rp().redirectUri);
        assertEquals(200, t.statusCode(), t::asString);
        return t;
    }

    static JWEObject decrypt(String compact, JWEDecrypter decrypter) throws Exception {
        assertEquals(5, compact.split("\\.", -1).length, () -> "not a compact JWE: " + compact);
        JWEObject jwe = JWEObject.parse(compact);
        jwe.decrypt(decrypter);
        return jwe;
    }

    /** The nested ID token: encrypted as registered, cty JWT, and inside a signed token an RP accepts. */
    static String innerIdToken(Registered c, String idToken, JWEDecrypter decrypter, JWEAlgorithm alg, EncryptionMethod enc,
                               String nonce) throws Exception {
        JWEObject jwe = decrypt(idToken, decrypter);
        assertEquals(alg, jwe.getHeader().getAlgorithm());
        assertEquals(enc, jwe.getHeader().getEncryptionMethod());
        assertEquals("JWT", jwe.getHeader().getContentType(), "RFC 7519 5.2: a nested JWT");
        String signed = jwe.getPayload().toString();
        c.rp().validateIdToken(signed, nonce); // OIDC Core 3.1.3.7 on the decrypted token
        return signed;
    }

    @Test
    void idTokenIsSignedThenEncryptedToTheClientsRsaKey() throws Exception {
        RSAKey key = rsaEncryptionKey();
        Map<String, Object> m = basicMetadata("http://localhost:9090/enc-rsa");
        m.put("grant_types", List.of("authorization_code", "refresh_token"));
        m.put("jwks", new JWKSet(key.toPublicJWK()).toJSONObject());
        m.put("id_token_encrypted_response_alg", "RSA-OAEP-256");
        m.put("id_token_encrypted_response_enc", "A128GCM");
        Registered c = registered(m, null);
        Map<String, String> request = c.rp().request("code", "openid offline_access");
        request.put("prompt", "consent");
        Response t = codeFlow(c, request);
        String idToken = t.jsonPath().getString("id_token");
        assertEquals(key.getKeyID(), JWEObject.parse(idToken).getHeader().getKeyID(), "encrypted to the registered key");
        innerIdToken(c, idToken, new RSADecrypter(key), JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM, request.get("nonce"));
        // the refreshed ID token is encrypted the same way
        String refresh = t.jsonPath().getString("refresh_token");
        assertNotNull(refresh);
        Response r = c.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertEquals(200, r.statusCode(), r::asString);
        innerIdToken(c, r.jsonPath().getString("id_token"), new RSADecrypter(key), JWEAlgorithm.RSA_OAEP_256,
                EncryptionMethod.A128GCM, null);
        // the access token is not encrypted (RFC 9068 is a JWS) and userinfo stays JSON: only what was registered
        Response info = c.rp().userinfo(t.jsonPath().getString("access_token"));
        assertEquals(200, info.statusCode(), info::asString);
        assertTrue(info.contentType().startsWith("application/json"), info.contentType());
    }

    @Test
    void idTokenIsEncryptedWithEcdhToAKeyFetchedFromJwksUriInTheImplicitFlow() throws Exception {
        ECKey key = ecEncryptionKey();
        String jwksUri = rpTlsHost.publish("/enc/" + RelyingParty.random() + ".json", "application/json",
                new JWKSet(key.toPublicJWK()).toString());
        Map<String, Object> m = basicMetadata("http://localhost:9090/enc-ec");
        m.put("response_types", List.of("id_token"));
        m.put("grant_types", List.of("implicit"));
        m.put("jwks_uri", jwksUri);
        m.put("id_token_encrypted_response_alg", "ECDH-ES+A256KW");
        m.put("id_token_encrypted_response_enc", "A256GCM");
        Registered c = registered(m, null);
        assertEquals("A256GCM", c.registration().getString("id_token_encrypted_response_enc"));
        Map<String, String> request = c.rp().request("id_token", "openid");
        AuthorizationOutcome o = driver().authorize(c.rp().endpoint("authorization_endpoint"), request, c.rp().redirectUri);
        assertTrue(o.isCallback() && o.param("id_token") != null, () -> "no id_token: " + o);
        innerIdToken(c, o.param("id_token"), new ECDHDecrypter(key), JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM,
                request.get("nonce"));
    }

    @Test
    void withoutAKeyToEncryptToTheTokenEndpointRefusesAndKeepsTheCode() throws Exception {
        // the jwks_uri document holds only a signing key: nothing to encrypt the ID token to
        RSAKey signing = new RSAKeyGenerator(2048).keyID("s").keyUse(KeyUse.SIGNATURE).generate();
        String jwksUri = rpTlsHost.publish("/enc/" + RelyingParty.random() + ".json", "application/json",
                new JWKSet(signing.toPublicJWK()).toString());
        Map<String, Object> m = basicMetadata("http://localhost:9090/enc-none");
        m.put("jwks_uri", jwksUri);
        m.put("id_token_encrypted_response_alg", "RSA-OAEP");
        Registered c = registered(m, null);
        Map<String, String> request = c.rp().request("code", "openid");
        AuthorizationOutcome o = driver().authorize(c.rp().endpoint("authorization_endpoint"), request, c.rp().redirectUri);
        assertTrue(o.isCallback() && o.param("code") != null, () -> "no code: " + o);
        for (int i = 0; i < 2; i++) { // refused, and refused again: the first refusal did not consume the code
            Response t = c.redeem(o.param("code"), c.rp().redirectUri);
            assertEquals(400, t.statusCode(), t::asString);
            assertEquals("invalid_request", t.jsonPath().getString("error"));
            assertTrue(t.jsonPath().getString("error_description").contains("id_token_encrypted_response_alg"), t::asString);
        }
    }

    @Test
    void userinfoIsSignedThenEncryptedOrEncryptedOnlyWithTheSecretDerivedKey() throws Exception {
        RSAKey key = rsaEncryptionKey();
        Map<String, Object> m = basicMetadata("http://localhost:9090/enc-ui");
        m.put("jwks", new JWKSet(key.toPublicJWK()).toJSONObject());
        m.put("userinfo_signed_response_alg", "RS256");
        m.put("userinfo_encrypted_response_alg", "RSA-OAEP");
        Registered c = registered(m, null);
        Map<String, String> request = c.rp().request("code", "openid profile");
        Response info = c.rp().userinfo(codeFlow(c, request).jsonPath().getString("access_token"));
        assertEquals(200, info.statusCode(), info::asString);
        assertTrue(info.contentType().startsWith("application/jwt"), info.contentType()); // OIDC Core 5.3.2
        JWEObject jwe = decrypt(info.asString(), new RSADecrypter(key));
        assertEquals(EncryptionMethod.A128CBC_HS256, jwe.getHeader().getEncryptionMethod(), "the registration default");
        com.nimbusds.jwt.SignedJWT signed = jwe.getPayload().toSignedJWT();
        assertNotNull(signed, "signed, then encrypted");
        assertEquals(c.clientId(), signed.getJWTClaimsSet().getAudience().get(0));
        assertNotNull(signed.getJWTClaimsSet().getSubject());

        // encrypted only, dir with the key from the client secret (OIDC Core 10.2): SHA-256 of the secret
        Map<String, Object> s = basicMetadata("http://localhost:9090/enc-dir");
        s.put("userinfo_encrypted_response_alg", "dir");
        s.put("userinfo_encrypted_response_enc", "A128CBC-HS256");
        Registered d = registered(s, null);
        Response plain = d.rp().userinfo(codeFlow(d, d.rp().request("code", "openid")).jsonPath().getString("access_token"));
        assertEquals(200, plain.statusCode(), plain::asString);
        byte[] cek = MessageDigest.getInstance("SHA-256").digest(d.rp().clientSecret.getBytes(StandardCharsets.UTF_8));
        JWEObject direct = decrypt(plain.asString(), new DirectDecrypter(cek));
        Map<String, Object> claims = direct.getPayload().toJSONObject();
        assertNotNull(claims.get("sub"));
        assertEquals(d.clientId(), claims.get("aud"));
    }

    /** Gatehouse's published encryption key of {@code kty} (use enc). */
    static JWK providerEncryptionKey(String kty) throws Exception {
        String jwks = given().get(DynamicClients.discovery().getString("jwks_uri")).then().statusCode(200).extract().asString();
        return JWKSet.parse(jwks).getKeys().stream()
                .filter(k -> k.getKeyType().getValue().equals(kty) && KeyUse.ENCRYPTION.equals(k.getKeyUse()))
                .findFirst().orElseThrow(() -> new AssertionError("no use:enc " + kty + " key in " + jwks));
    }

    static String encrypt(String payload, JWEAlgorithm alg, EncryptionMethod enc, String kid, JWEEncrypter encrypter)
            throws JOSEException {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(alg, enc).contentType("JWT").keyID(kid).build(), new Payload(payload));
        jwe.encrypt(encrypter);
        return jwe.serialize();
    }

    static AuthorizationOutcome authorizeWithObject(Registered c, String object) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", c.clientId());
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("redirect_uri", c.rp().redirectUri);
        query.put("request", object);
        return driver().authorize(c.rp().endpoint("authorization_endpoint"), query, c.rp().redirectUri);
    }

    @Test
    void requestObjectsEncryptedToThePublishedKeysOrWithTheSecretAreDecrypted() throws Exception {
        RSAKey signing = DynamicClients.newRsaKey();
        Map<String, Object> m = DynamicClients.privateKeyJwtClient(signing, "http://localhost:9090/enc-ro");
        m.put("request_object_signing_alg", "RS256");
        m.put("request_object_encryption_alg", "RSA-OAEP-256");
        m.put("request_object_encryption_enc", "A256GCM");
        Registered c = registered(m, signing);
        for (String kty : List.of("RSA", "EC")) {
            JWK server = providerEncryptionKey(kty);
            Map<String, String> params = c.rp().request("code", "openid");
            String signed = signedRequestObject(params, c.clientId(), signing);
            String object = kty.equals("RSA")
                    ? encrypt(signed, JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM, server.getKeyID(), new RSAEncrypter(server.toRSAKey()))
                    // OIDC Registration 2: the client may use another supported algorithm than the one it registered
                    : encrypt(signed, JWEAlgorithm.ECDH_ES, EncryptionMethod.A128CBC_HS256, server.getKeyID(), new ECDHEncrypter(server.toECKey()));
            AuthorizationOutcome o = authorizeWithObject(c, object);
            assertTrue(o.isCallback() && o.param("code") != null, () -> kty + ": no code: " + o);
            assertEquals(params.get("state"), o.param("state"), "the state came from inside the encrypted object");
            Response t = c.redeem(o.param("code"), c.rp().redirectUri);
            assertEquals(200, t.statusCode(), t::asString);
            c.rp().validateIdToken(t.jsonPath().getString("id_token"), params.get("nonce"));
        }

        // to a key that is not Gatehouse's, or with an algorithm it refuses: invalid_request_object at the redirect_uri
        RSAKey stranger = rsaEncryptionKey();
        String signed = signedRequestObject(c.rp().request("code", "openid"), c.clientId(), signing);
        AuthorizationOutcome wrongKey = authorizeWithObject(c, encrypt(signed, JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM,
                providerEncryptionKey("RSA").getKeyID(), new RSAEncrypter(stranger.toPublicJWK())));
        assertEquals("invalid_request_object", wrongKey.param("error"), wrongKey::toString);
        AuthorizationOutcome rsa15 = authorizeWithObject(c, encrypt(signed, JWEAlgorithm.RSA1_5, EncryptionMethod.A128GCM,
                null, new RSAEncrypter(providerEncryptionKey("RSA").toRSAKey())));
        assertEquals("invalid_request_object", rsa15.param("error"), rsa15::toString);

        // A128KW with the key from the client secret (OIDC Core 10.2), for a client that has a secret
        Map<String, Object> s = basicMetadata("http://localhost:9090/enc-ro-kw");
        s.put("request_object_signing_alg", "none");
        s.put("request_object_encryption_alg", "A128KW");
        Registered k = registered(s, null);
        Map<String, String> params = k.rp().request("code", "openid");
        String unsigned = BasicOpIT.unsignedRequestObject(params);
        byte[] kek = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(k.rp().clientSecret.getBytes(StandardCharsets.UTF_8)), 16);
        AuthorizationOutcome o = authorizeWithObject(k, encrypt(unsigned, JWEAlgorithm.A128KW, EncryptionMethod.A128GCM, null,
                new AESEncrypter(kek)));
        assertTrue(o.isCallback() && o.param("code") != null, () -> "A128KW: no code: " + o);
        assertEquals(params.get("state"), o.param("state"));
    }

    @Test
    void registrationRefusesEncryptionItCouldNotCarryOut() {
        Map<String, Object> noKey = basicMetadata("http://localhost:9090/enc-bad");
        noKey.put("id_token_encrypted_response_alg", "RSA-OAEP");
        Response r = register(noKey);
        assertEquals(400, r.statusCode(), r::asString);
        assertEquals("invalid_client_metadata", r.jsonPath().getString("error"));
        Map<String, Object> encOnly = basicMetadata("http://localhost:9090/enc-bad");
        encOnly.put("userinfo_encrypted_response_enc", "A128GCM");
        assertEquals("invalid_client_metadata", register(encOnly).jsonPath().getString("error"));
        Map<String, Object> publicSymmetric = basicMetadata("http://localhost:9090/enc-bad");
        publicSymmetric.put("token_endpoint_auth_method", "none");
        publicSymmetric.put("id_token_encrypted_response_alg", "A256KW");
        assertEquals("invalid_client_metadata", register(publicSymmetric).jsonPath().getString("error"));
    }

    @Test
    void discoveryAndJwksAdvertiseEncryption() throws Exception {
        var d = DynamicClients.discovery();
        for (String jwt : List.of("id_token", "userinfo", "request_object")) {
            assertTrue(d.getList(jwt + "_encryption_alg_values_supported").containsAll(List.of("RSA-OAEP-256", "ECDH-ES", "ECDH-ES+A128KW",
                    "ECDH-ES+A256KW", "A128KW", "dir")), jwt);
            assertTrue(d.getList(jwt + "_encryption_enc_values_supported").containsAll(List.of("A128GCM", "A256GCM", "A128CBC-HS256")), jwt);
        }
        JWK rsa = providerEncryptionKey("RSA");
        JWK ec = providerEncryptionKey("EC");
        assertTrue(!rsa.isPrivate() && !ec.isPrivate());
        assertEquals(null, rsa.getAlgorithm(), "one key serves every algorithm of its type");
    }
}
