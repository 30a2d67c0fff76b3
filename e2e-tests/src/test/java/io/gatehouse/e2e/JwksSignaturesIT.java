package io.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.response.Response;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JWT signed by the running suite with each algorithm verifies against the suite's published JWKS with Nimbus
 * JOSE+JWT, not Gatehouse's verifier. Until token-service issues tokens, the token comes from userinfo-service:
 * it signs its response (OIDC Core 5.3.2) with the algorithm the client registered, using Gatehouse's own
 * signing code and active key. To call it the test needs an access token the suite accepts; it signs one with the
 * suite's active RS256 key, read from the database and decrypted with the suite's key-encryption key (so the
 * stored key format and the JWKS are checked against each other too).
 */
class JwksSignaturesIT {

    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256", "EdDSA"})
    void jwtSignedByTheSuiteVerifiesWithAnIndependentJoseLibraryAgainstThePublishedJwks(String alg) throws Exception {
        String issuer = RunningSuite.get().issuer();
        UUID user = UUID.randomUUID();
        String clientId = "jwks-e2e-" + alg + "-" + UUID.randomUUID();
        UUID grant = UUID.randomUUID();
        try (Connection c = SuiteKeys.database()) {
            update(c, "insert into users (id, username, attributes) values (?, ?, '{\"uid\": \"jwks\"}'::jsonb)", user,
                    "jwks-" + user);
            update(c, "insert into clients (client_id, scope, metadata) values (?, 'openid profile', ?::jsonb)", clientId,
                    "{\"userinfo_signed_response_alg\": \"" + alg + "\"}");
            update(c, "insert into grants (id, user_id, client_id, scope) values (?, ?, ?, 'openid profile')", grant, user,
                    clientId);
        }
        String accessToken = accessToken(issuer, user.toString(), clientId, grant);

        String userinfo = (String) given().get(issuer + "/.well-known/openid-configuration").jsonPath().get("userinfo_endpoint");
        Response response = given().auth().oauth2(accessToken).get(userinfo);
        assertEquals(200, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/jwt"), response.contentType());

        SignedJWT jwt = SignedJWT.parse(response.asString());
        assertEquals(alg, jwt.getHeader().getAlgorithm().getName());
        assertEquals(SuiteKeys.active(alg).kid(), jwt.getHeader().getKeyID(), "signed with the active key");
        JWK jwk = publishedJwks().getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(verifier(jwk)), "signature verifies against the published JWK");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(issuer, claims.getIssuer());
        assertEquals(List.of(clientId), claims.getAudience());
        assertEquals(user.toString(), claims.getSubject());
    }

    private static JWKSet publishedJwks() throws Exception {
        String jwksUri = (String) given().get(RunningSuite.get().issuer() + "/.well-known/openid-configuration").jsonPath()
                .get("jwks_uri");
        return JWKSet.parse(given().get(jwksUri).asString());
    }

    /** An RFC 9068 access token signed with the suite's own active RS256 key. */
    private static String accessToken(String issuer, String sub, String clientId, UUID grant) throws Exception {
        return SuiteKeys.accessToken(SuiteKeys.active("RS256"), issuer, sub, clientId, "openid profile", grant);
    }

    private static JWSVerifier verifier(JWK jwk) throws Exception {
        if (jwk instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (jwk instanceof ECKey ec) {
            return new ECDSAVerifier(ec);
        }
        if (jwk instanceof OctetKeyPair okp) {
            return new Ed25519JcaVerifier(okp);
        }
        throw new AssertionError("unexpected key " + jwk);
    }

    /**
     * Nimbus's own Ed25519 verifier needs Google Tink, which the build's repository does not carry: this one lets
     * Nimbus do the JOSE processing and the JDK the Ed25519 arithmetic (RFC 8037 3.1).
     */
    private static final class Ed25519JcaVerifier implements JWSVerifier {
        private final PublicKey key;
        private final JCAContext context = new JCAContext();

        Ed25519JcaVerifier(OctetKeyPair okp) throws Exception {
            assertEquals("Ed25519", okp.getCurve().getName());
            byte[] x = okp.getX().decode();
            byte[] spki = java.util.Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + x.length);
            System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, x.length);
            key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(key);
                s.update(signingInput);
                return s.verify(signature.decode());
            } catch (java.security.GeneralSecurityException e) {
                throw new JOSEException(e.getMessage(), e);
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA);
        }

        @Override
        public JCAContext getJCAContext() {
            return context;
        }
    }

    private static void update(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
