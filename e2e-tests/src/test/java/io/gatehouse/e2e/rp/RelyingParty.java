package io.gatehouse.e2e.rp;

import static io.restassured.RestAssured.given;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A relying party written against the specifications only: it learns endpoints from discovery, redeems codes,
 * and validates ID tokens with the Nimbus OAuth 2.0 SDK (an independent implementation, never Gatehouse's own
 * code): signature against the published JWKS, iss, aud, exp, iat, nonce (OIDC Core 3.1.3.7).
 */
public final class RelyingParty {

    public final String issuer;
    public final JsonPath discovery;
    public final String clientId;
    public final String clientSecret;
    public final String redirectUri;
    private final IDTokenValidator rs256Validator;

    public RelyingParty(String issuer, String clientId, String clientSecret, String redirectUri) {
        this.issuer = issuer;
        this.discovery = given().get(issuer + "/.well-known/openid-configuration").then().statusCode(200).extract().jsonPath();
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        try {
            var jwks = JWKSourceBuilder.<SecurityContext>create(new URL(discovery.getString("jwks_uri"))).cache(false).rateLimited(false).refreshAheadCache(false).build();
            this.rs256Validator = new IDTokenValidator(new Issuer(issuer), new ClientID(clientId),
                    new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, jwks), null);
            this.rs256Validator.setMaxClockSkew(5);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String endpoint(String member) {
        return discovery.getString(member);
    }

    /** A fresh authorization request: response_type, scope, state, nonce and this client's redirect_uri. */
    public Map<String, String> request(String responseType, String scope) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", responseType);
        p.put("client_id", clientId);
        p.put("redirect_uri", redirectUri);
        p.put("scope", scope);
        p.put("state", random());
        p.put("nonce", random());
        return p;
    }

    /** Token request with client_secret_basic (RFC 6749 2.3.1: form-url-encoded id and secret). */
    public Response token(Map<String, String> form) {
        return given().redirects().follow(false).auth().preemptive()
                .basic(urlEncode(clientId), urlEncode(clientSecret))
                .contentType("application/x-www-form-urlencoded").formParams(form)
                .post(endpoint("token_endpoint"));
    }

    /** Token request with client_secret_post. */
    public Response tokenWithPost(Map<String, String> form) {
        Map<String, String> f = new LinkedHashMap<>(form);
        f.put("client_id", clientId);
        f.put("client_secret", clientSecret);
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParams(f)
                .post(endpoint("token_endpoint"));
    }

    /**
     * Token request authenticated with a JWT assertion (private_key_jwt, OIDC Core 9; RFC 7523 2.2): the client_id
     * and client_assertion_type go in the form with it.
     */
    public Response tokenWithAssertion(Map<String, String> form, String assertion) {
        Map<String, String> f = new LinkedHashMap<>(form);
        f.put("client_id", clientId);
        f.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        f.put("client_assertion", assertion);
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParams(f)
                .post(endpoint("token_endpoint"));
    }

    public Response redeem(String code) {
        return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri));
    }

    /** Validates an RS256 ID token as an RP must (OIDC Core 3.1.3.7); the nonce is checked when given. */
    public IDTokenClaimsSet validateIdToken(String idToken, String nonce) {
        try {
            JWT jwt = JWTParser.parse(idToken);
            return rs256Validator.validate(jwt, nonce == null ? null : new Nonce(nonce));
        } catch (Exception e) {
            throw new AssertionError("ID token rejected by the independent validator: " + e.getMessage(), e);
        }
    }

    public Response userinfo(String accessToken) {
        return given().auth().oauth2(accessToken).get(endpoint("userinfo_endpoint"));
    }

    public static String random() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** RFC 7636 4.2: code_challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
    public static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
