package io.gatehouse.model.authorization;

import static io.gatehouse.model.authorization.TestRequests.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.jose.EncryptionKeyType;
import io.gatehouse.model.jose.InvalidJweException;
import io.gatehouse.model.jose.Jwe;
import io.gatehouse.model.jose.JweAlgorithm;
import io.gatehouse.model.jose.JweEncryption;
import io.gatehouse.model.jose.Jwk;
import io.gatehouse.model.jose.Jws;
import io.gatehouse.model.jose.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request objects by value (OIDC Core 6.1, RFC 9101): unsigned, or signed with a key of the client's jwks. */
class RequestObjectTest {

    static final String ISSUER = "https://op.example";

    static String unsigned(String json) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return b.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + b.encodeToString(json.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    static String error(String jwt, ClientEntity client) {
        return assertThrows(OAuthException.class, () -> RequestObject.parameters(jwt, client, ISSUER)).error().code();
    }

    static ClientEntity unsignedClient() {
        ClientEntity c = client();
        c.metadata.put("request_object_signing_alg", "none");
        return c;
    }

    @Test
    void unsignedObjectGivesItsClaimsAsParameters() {
        Map<String, String> p = RequestObject.parameters(unsigned("{\"scope\":\"openid\",\"max_age\":60,"
                + "\"claims\":{\"userinfo\":{\"name\":null}}}"), unsignedClient(), ISSUER);
        assertEquals("openid", p.get("scope"));
        assertEquals("60", p.get("max_age"));
        assertEquals("{\"userinfo\":{\"name\":null}}", p.get("claims"));
    }

    @Test
    void unsignedObjectIsRefusedWhenTheClientRegisteredASigningAlgorithm() {
        ClientEntity c = client();
        c.metadata.put("request_object_signing_alg", "RS256");
        assertEquals("invalid_request_object", error(unsigned("{\"scope\":\"openid\"}"), c));
    }

    @Test
    void unsignedObjectIsRefusedFromAClientThatRegisteredNoAlgorithm() {
        ClientEntity c = client();
        OAuthException e = assertThrows(OAuthException.class, () -> RequestObject.parameters(unsigned("{\"scope\":\"openid\"}"), c, ISSUER));
        assertEquals("invalid_request_object", e.error().code());
        assertTrue(e.error().description().contains("request_object_signing_alg none"), e.error().description());
    }

    @Test
    void unsignedObjectFromAClientWithoutAlgorithmIsAcceptedWhereTheDeploymentAllowsIt() {
        ClientEntity c = client();
        assertEquals("openid", RequestObject.parameters(unsigned("{\"scope\":\"openid\"}"), c, ISSUER, refresh -> List.of(),
                RequestObjectPolicy.of(c, true), RequestObject.NO_DECRYPTION).get("scope"));
    }

    @Test
    void requireSignedRequestObjectRefusesUnsignedOnesWhateverElseIsRegistered() {
        ClientEntity c = unsignedClient();
        c.metadata.put("require_signed_request_object", true);
        for (RequestObjectPolicy policy : List.of(RequestObjectPolicy.of(c, false), RequestObjectPolicy.of(c, true))) {
            OAuthException e = assertThrows(OAuthException.class, () -> RequestObject.parameters(unsigned("{\"scope\":\"openid\"}"), c,
                    ISSUER, refresh -> List.of(), policy, RequestObject.NO_DECRYPTION));
            assertEquals("invalid_request_object", e.error().code());
        }
        assertTrue(RequestObjectPolicy.of(c, false).requiresObject());
        assertFalse(RequestObjectPolicy.of(client(), true).requiresObject());
    }

    @Test
    void objectForAnotherClientIsRefused() {
        assertEquals("invalid_request_object", error(unsigned("{\"client_id\":\"other\"}"), client()));
    }

    @Test
    void signedObjectVerifiesWithTheClientsKey() {
        KeyPair pair = JwsAlgorithm.RS256.generateKeyPair();
        ClientEntity c = client();
        c.metadata.put("jwks", Map.of("keys", List.of(Jwk.publicJwk(pair.getPublic(), "k1", JwsAlgorithm.RS256))));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "rp");
        claims.put("aud", ISSUER);
        claims.put("nonce", "n1");
        String jwt = Jws.sign(claims, JwsAlgorithm.RS256, "k1", "oauth-authz-req+jwt", pair.getPrivate());
        assertEquals("n1", RequestObject.parameters(jwt, c, ISSUER).get("nonce"));

        KeyPair other = JwsAlgorithm.RS256.generateKeyPair();
        assertEquals("invalid_request_object", error(Jws.sign(claims, JwsAlgorithm.RS256, "k1", null, other.getPrivate()), c));
        claims.put("aud", "https://another.example");
        assertEquals("invalid_request_object", error(Jws.sign(claims, JwsAlgorithm.RS256, "k1", null, pair.getPrivate()), c));
    }

    @Test
    void signedObjectWithoutRegisteredKeysIsRefused() {
        KeyPair pair = JwsAlgorithm.ES256.generateKeyPair();
        assertEquals("invalid_request_object", error(Jws.sign(Map.of("nonce", "n"), JwsAlgorithm.ES256, "k", null, pair.getPrivate()), client()));
    }

    @Test
    void encryptedObjectIsRequestNotSupportedAndGarbageIsInvalid() {
        assertEquals("request_not_supported", error("a.b.c.d.e", client()));
        assertEquals("invalid_request_object", error("not-a-jwt", client()));
        assertEquals("invalid_request_object", error("e30.bm90IGpzb24.", client()));
    }

    /** A decryption that decrypts with one RSA key, as RequestObjectDecryption does with the server's keys. */
    static RequestObject.Decryption with(java.security.PrivateKey key) {
        return (jwe, client) -> {
            try {
                return Jwe.decrypt(jwe, key);
            } catch (InvalidJweException e) {
                throw AuthorizationError.invalidRequestObject(e.getMessage()).toException();
            }
        };
    }

    @Test
    void signedThenEncryptedObjectIsDecryptedThenVerified() {
        KeyPair signing = JwsAlgorithm.RS256.generateKeyPair();
        KeyPair server = EncryptionKeyType.ENC_RSA.generateKeyPair();
        ClientEntity c = client();
        c.metadata.put("jwks", Map.of("keys", List.of(Jwk.publicJwk(signing.getPublic(), "k1", JwsAlgorithm.RS256))));
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("iss", c.clientId, "aud", ISSUER, "nonce", "n3"));
        String nested = Jwe.encrypt(Jws.sign(claims, JwsAlgorithm.RS256, "k1", null, signing.getPrivate()), Jwe.NESTED_JWT,
                JweAlgorithm.RSA_OAEP_256, JweEncryption.A128GCM, server.getPublic(), "enc1");
        assertEquals("n3", RequestObject.parameters(nested, c, ISSUER, refresh -> RequestObjectTest.keys(c),
                RequestObjectPolicy.of(c, false), with(server.getPrivate())).get("nonce"));
        // tampered: one byte of the ciphertext changed
        String[] parts = nested.split("\\.");
        parts[3] = (parts[3].charAt(0) == 'A' ? "B" : "A") + parts[3].substring(1);
        String tampered = String.join(".", parts);
        OAuthException e = assertThrows(OAuthException.class, () -> RequestObject.parameters(tampered, c, ISSUER,
                refresh -> List.of(), RequestObjectPolicy.of(c, false), with(server.getPrivate())));
        assertEquals("invalid_request_object", e.error().code());
    }

    @Test
    void encryptedUnsignedObjectFollowsTheUnsignedRules() {
        KeyPair server = EncryptionKeyType.ENC_RSA.generateKeyPair();
        String encrypted = Jwe.encrypt("{\"scope\":\"openid\",\"nonce\":\"n4\"}", null, JweAlgorithm.RSA_OAEP,
                JweEncryption.A128CBC_HS256, server.getPublic(), null);
        ClientEntity allowed = unsignedClient();
        assertEquals("n4", RequestObject.parameters(encrypted, allowed, ISSUER, refresh -> List.of(),
                RequestObjectPolicy.of(allowed, false), with(server.getPrivate())).get("nonce"));
        ClientEntity signedOnly = client();
        signedOnly.metadata.put("require_signed_request_object", true);
        OAuthException e = assertThrows(OAuthException.class, () -> RequestObject.parameters(encrypted, signedOnly, ISSUER,
                refresh -> List.of(), RequestObjectPolicy.of(signedOnly, true), with(server.getPrivate())));
        assertEquals("invalid_request_object", e.error().code());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> keys(ClientEntity c) {
        return (List<Map<String, Object>>) ((Map<String, Object>) c.metadata.get("jwks")).get("keys");
    }

    @Test
    void signedObjectWithAnUnknownKidAsksTheKeySourceForFreshKeys() {
        KeyPair rotated = JwsAlgorithm.RS256.generateKeyPair();
        Map<String, Object> fresh = Jwk.publicJwk(rotated.getPublic(), "new", JwsAlgorithm.RS256);
        Map<String, Object> stale = Jwk.publicJwk(JwsAlgorithm.RS256.generateKeyPair().getPublic(), "old", JwsAlgorithm.RS256);
        List<Boolean> asked = new java.util.ArrayList<>();
        RequestObject.ClientKeys keys = refresh -> {
            asked.add(refresh);
            return refresh ? List.of(fresh) : List.of(stale);
        };
        String jwt = Jws.sign(Map.of("nonce", "n2"), JwsAlgorithm.RS256, "new", null, rotated.getPrivate());
        assertEquals("n2", RequestObject.parameters(jwt, client(), ISSUER, keys, RequestObjectPolicy.of(client(), false),
                RequestObject.NO_DECRYPTION).get("nonce"));
        assertEquals(List.of(false, true), asked);
    }

    @Test
    void signedObjectWithAnExpThatIsNoDateIsRefusedNotAServerError() {
        KeyPair pair = JwsAlgorithm.RS256.generateKeyPair();
        ClientEntity c = client();
        c.metadata.put("jwks", Map.of("keys", List.of(Jwk.publicJwk(pair.getPublic(), "k1", JwsAlgorithm.RS256))));
        for (Object exp : List.of(1e300, -1e300, new java.math.BigInteger("99999999999999999999999"), "tomorrow",
                Long.MAX_VALUE, Instant.now().minusSeconds(60).getEpochSecond())) {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("nonce", "n1");
            claims.put("exp", exp);
            assertEquals("invalid_request_object", error(Jws.sign(claims, JwsAlgorithm.RS256, "k1", null, pair.getPrivate()), c),
                    "exp " + exp);
        }
        Map<String, Object> fine = new LinkedHashMap<>(Map.of("nonce", "n1", "exp", Instant.now().plusSeconds(60).getEpochSecond() + 0.5));
        assertEquals("n1", RequestObject.parameters(Jws.sign(fine, JwsAlgorithm.RS256, "k1", null, pair.getPrivate()), c, ISSUER).get("nonce"));
    }

    @Test
    void signedObjectIsRefusedBeforeItsNbf() {
        KeyPair pair = JwsAlgorithm.RS256.generateKeyPair();
        ClientEntity c = client();
        c.metadata.put("jwks", Map.of("keys", List.of(Jwk.publicJwk(pair.getPublic(), "k1", JwsAlgorithm.RS256))));
        for (Object nbf : List.of(Instant.now().plusSeconds(3600).getEpochSecond(), "now", 1e300)) {
            Map<String, Object> claims = new LinkedHashMap<>(Map.of("nonce", "n1", "nbf", nbf));
            assertEquals("invalid_request_object", error(Jws.sign(claims, JwsAlgorithm.RS256, "k1", null, pair.getPrivate()), c), "nbf " + nbf);
        }
        Map<String, Object> now = new LinkedHashMap<>(Map.of("nonce", "n1", "nbf", Instant.now().getEpochSecond()));
        assertEquals("n1", RequestObject.parameters(Jws.sign(now, JwsAlgorithm.RS256, "k1", null, pair.getPrivate()), c, ISSUER).get("nonce"));
    }
}
