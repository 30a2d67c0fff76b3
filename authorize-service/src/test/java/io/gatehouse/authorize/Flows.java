package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.SigningKeyEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.keys.SigningKeyStore;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a relying party and its user do, step by step, in the authorization endpoint tests. */
final class Flows {

    private Flows() {
    }

    static Map<String, String> request(ClientEntity client, String responseType, String scope) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", responseType);
        p.put("client_id", client.clientId);
        p.put("redirect_uri", client.redirectUris.get(0));
        p.put("scope", scope);
        p.put("state", "st-" + UUID.randomUUID());
        p.put("nonce", "n-" + UUID.randomUUID());
        return p;
    }

    static boolean isLoginPage(Response r) {
        return r.statusCode() == 200 && r.asString().contains("type=\"password\"");
    }

    static boolean isConsentPage(Response r) {
        return r.statusCode() == 200 && r.asString().contains("name=\"decision\"");
    }

    /** Submits the login page with the user's credentials and follows local redirects. */
    static Response login(TestBrowser b, Response loginPage, UserEntity user) {
        TestBrowser.Form form = TestBrowser.form(loginPage).with("username", user.username)
                .with("password", AuthorizeFixtures.PASSWORD);
        return b.follow(b.submit(form));
    }

    /** Answers the consent page ("allow" or "deny") and follows local redirects. */
    static Response consent(TestBrowser b, Response consentPage, String decision) {
        return b.follow(b.submit(TestBrowser.form(consentPage).with("decision", decision)));
    }

    /** The whole user part: log in if asked, consent if asked; returns the response that goes to the client. */
    static Response run(TestBrowser b, Map<String, String> request, UserEntity user) {
        Response r = b.follow(b.authorize(request));
        if (isLoginPage(r)) {
            r = login(b, r, user);
        }
        if (isConsentPage(r)) {
            r = consent(b, r, "allow");
        }
        return r;
    }

    /** The response parameters, from a redirect or from a form_post page (the form's hidden inputs). */
    static Map<String, String> parameters(Response r) {
        if (TestBrowser.isRedirect(r)) {
            return TestBrowser.callback(r);
        }
        TestBrowser.Form form = TestBrowser.form(r);
        return form.fields();
    }

    /** Verifies an ID token with Nimbus against the published keys; returns its claims. */
    static JWTClaimsSet verifyIdToken(SigningKeyStore keys, String idToken) throws Exception {
        List<JWK> jwks = new ArrayList<>();
        for (SigningKeyEntity k : keys.published()) {
            jwks.add(JWK.parse(k.publicJwk));
        }
        SignedJWT jwt = SignedJWT.parse(idToken);
        JWK key = new JWKSet(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "the ID token's kid is published");
        assertEquals(true, jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
                ((AsymmetricJWK) key).toPublicKey())), "signature verifies (Nimbus)");
        return jwt.getJWTClaimsSet();
    }

    /** at_hash / c_hash (OIDC Core 3.1.3.6, 3.3.2.11) computed independently: SHA-256 for RS256. */
    static String leftHalfSha256(String value) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(d, 16));
    }

    static String s256(String verifier) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
    }

}
