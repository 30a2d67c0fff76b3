package io.gatehouse.e2e.conformance;

import static io.gatehouse.e2e.conformance.DynamicClients.basicMetadata;
import static io.gatehouse.e2e.conformance.DynamicClients.register;
import static io.gatehouse.e2e.conformance.DynamicClients.registered;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.conformance.DynamicClients.Registered;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DPoP (RFC 9449) over HTTP across token-, authorize- and userinfo-service, with proofs made by the Nimbus OAuth 2.0
 * SDK: bound access tokens (cnf.jkt, token_type DPoP) and their introspection, the proof checks and their errors,
 * refresh tokens of public clients bound to the key, dpop_jkt at /authorize and at /par, userinfo with the DPoP scheme
 * and its challenges, and dpop_bound_access_tokens.
 */
class DpopIT {

    static final Map<String, String> CLIENT_CREDENTIALS = Map.of("grant_type", "client_credentials");
    static String tokenEndpoint;
    static String userinfoEndpoint;

    @BeforeAll
    static void endpoints() {
        RunningSuite.get();
        JsonPath d = DynamicClients.discovery();
        tokenEndpoint = d.getString("token_endpoint");
        userinfoEndpoint = d.getString("userinfo_endpoint");
    }

    static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String thumbprint(ECKey key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A proof by {@code key} for {@code htm} {@code htu}, with ath of {@code accessToken} when not null. */
    static String proof(ECKey key, String htm, String htu, String accessToken) {
        try {
            DefaultDPoPProofFactory factory = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
            return (accessToken == null ? factory.createDPoPJWT(htm, URI.create(htu))
                    : factory.createDPoPJWT(htm, URI.create(htu), new DPoPAccessToken(accessToken))).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A proof built by hand, for the malformed cases the SDK never makes (a private jwk included). */
    static String handMade(ECKey key, JOSEObjectType typ, Map<String, Object> claims, boolean privateJwk) {
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("typ", typ.getType());
            header.put("alg", "ES256");
            header.put("jwk", (privateJwk ? key : key.toPublicJWK()).toJSONObject());
            String input = Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "."
                    + Base64URL.encode(JSONObjectUtils.toJSONString(claims));
            Base64URL signature = new ECDSASigner(key).sign(new JWSHeader(JWSAlgorithm.ES256),
                    input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return input + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> claims(String htm, String htu, long iat) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("jti", RelyingParty.random());
        c.put("htm", htm);
        c.put("htu", htu);
        c.put("iat", iat);
        return c;
    }

    static Registered confidential(Map<String, Object> extra) {
        Map<String, Object> m = basicMetadata();
        m.put("grant_types", List.of("client_credentials"));
        m.putAll(extra);
        return registered(m, null);
    }

    static Response tokenWithProof(Registered c, Map<String, String> form, String... proofs) {
        RequestSpecification r = given().redirects().follow(false).auth().preemptive().basic(c.clientId(), c.rp().clientSecret)
                .contentType("application/x-www-form-urlencoded").formParams(form);
        for (String p : proofs) {
            r = r.header("DPoP", p);
        }
        return r.post(tokenEndpoint);
    }

    static Response publicToken(String clientId, Map<String, String> form, String proof) {
        Map<String, String> f = new LinkedHashMap<>(form);
        f.put("client_id", clientId);
        RequestSpecification r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParams(f);
        if (proof != null) {
            r = r.header("DPoP", proof);
        }
        return r.post(tokenEndpoint);
    }

    static void invalidProof(Response r) {
        assertEquals(400, r.statusCode(), r::asString);
        assertEquals("invalid_dpop_proof", r.jsonPath().getString("error"), r::asString);
    }

    static void invalidGrant(Response r) {
        assertEquals(400, r.statusCode(), r::asString);
        assertEquals("invalid_grant", r.jsonPath().getString("error"), r::asString);
    }

    static Object claim(String jwt, String name) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet().getClaim(name);
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aProofBindsTheAccessTokenAndIntrospectionShowsTheKey() {
        Registered c = confidential(Map.of());
        ECKey key = newKey();
        Response r = tokenWithProof(c, CLIENT_CREDENTIALS, proof(key, "POST", tokenEndpoint, null));
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals("DPoP", r.jsonPath().getString("token_type")); // RFC 9449 5
        String at = r.jsonPath().getString("access_token");
        @SuppressWarnings("unchecked")
        Map<String, Object> cnf = (Map<String, Object>) claim(at, "cnf");
        assertEquals(thumbprint(key), cnf.get("jkt")); // RFC 9449 6.1
        Response i = given().auth().preemptive().basic(c.clientId(), c.rp().clientSecret).formParam("token", at)
                .post(c.rp().endpoint("introspection_endpoint"));
        assertEquals(200, i.statusCode(), i::asString);
        assertEquals(true, i.jsonPath().getBoolean("active"));
        assertEquals(thumbprint(key), i.jsonPath().getString("cnf.jkt")); // RFC 9449 6.2
        assertEquals("DPoP", i.jsonPath().getString("token_type"));
        // Without a proof the same client gets a bearer token.
        Response bearer = c.token(CLIENT_CREDENTIALS);
        assertEquals("Bearer", bearer.jsonPath().getString("token_type"));
        assertEquals(null, claim(bearer.jsonPath().getString("access_token"), "cnf"));
    }

    @Test
    void everyRuleOfTheProofIsChecked() {
        Registered c = confidential(Map.of());
        ECKey key = newKey();
        long now = System.currentTimeMillis() / 1000;
        // RFC 9449 11.1: a proof is accepted once, at every replica.
        String once = proof(key, "POST", tokenEndpoint, null);
        assertEquals(200, tokenWithProof(c, CLIENT_CREDENTIALS, once).statusCode());
        invalidProof(tokenWithProof(c, CLIENT_CREDENTIALS, once));
        // 4.3 step 1: one DPoP header.
        invalidProof(tokenWithProof(c, CLIENT_CREDENTIALS, proof(key, "POST", tokenEndpoint, null),
                proof(key, "POST", tokenEndpoint, null)));
        // Step 2: a JWS.
        invalidProof(tokenWithProof(c, CLIENT_CREDENTIALS, "not-a-jwt"));
        // Step 4: typ dpop+jwt.
        invalidProof(tokenWithProof(c, CLIENT_CREDENTIALS, handMade(key, JOSEObjectType.JWT, claims("POST", tokenEndpoint, now), false)));
        // Step 7: no private key in the jwk.
        invalidProof(tokenWithProof(c, CLIENT_CREDENTIALS,
                handMade(key, new JOSEObjectType("dpop+jwt"), claims("POST", tokenEndpoint, now), true)));
        // Step 8 and 9: htm and htu of this request (query and fragment are not part of htu).
        invalidProof(tokenWithProof(c, CLIENT_CREDENTIALS, proof(key, "GET", tokenEndpoint, null)));
        invalidProof(tokenWithProof(c, CLIENT_CREDENTIALS, proof(key, "POST", userinfoEndpoint, null)));
        invalidProof(tokenWithProof(c, CLIENT_CREDENTIALS,
                handMade(key, new JOSEObjectType("dpop+jwt"), claims("POST", tokenEndpoint + "?x=1", now), false)));
        // Step 11: iat within the window (60 s by default), not in the future.
        invalidProof(tokenWithProof(c, CLIENT_CREDENTIALS,
                handMade(key, new JOSEObjectType("dpop+jwt"), claims("POST", tokenEndpoint, now - 600), false)));
        invalidProof(tokenWithProof(c, CLIENT_CREDENTIALS,
                handMade(key, new JOSEObjectType("dpop+jwt"), claims("POST", tokenEndpoint, now + 600), false)));
        // Step 3: the required claims.
        Map<String, Object> noJti = claims("POST", tokenEndpoint, now);
        noJti.remove("jti");
        invalidProof(tokenWithProof(c, CLIENT_CREDENTIALS, handMade(key, new JOSEObjectType("dpop+jwt"), noJti, false)));
        // Step 5: an asymmetric algorithm; a MAC-signed proof is refused.
        invalidProof(tokenWithProof(c, CLIENT_CREDENTIALS, macProof()));
        // Step 6: the signature verifies with the header's jwk.
        String good = proof(key, "POST", tokenEndpoint, null);
        String tampered = good.substring(0, good.lastIndexOf('.') + 1) + proof(newKey(), "POST", tokenEndpoint, null)
                .substring(good.lastIndexOf('.') + 1);
        invalidProof(tokenWithProof(c, CLIENT_CREDENTIALS, tampered));
    }

    static String macProof() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("dpop+jwt")).build(),
                    new JWTClaimsSet.Builder().jwtID(RelyingParty.random()).claim("htm", "POST").claim("htu", tokenEndpoint)
                            .issueTime(new Date()).build());
            jwt.sign(new MACSigner(new byte[32]));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClientRegisteredForBoundTokensMustSendAProof() {
        Response bad = register(Map.of("client_name", "x", "redirect_uris", List.of(), "grant_types", List.of("client_credentials"),
                "dpop_bound_access_tokens", "yes"));
        assertEquals(400, bad.statusCode(), bad::asString);
        assertEquals("invalid_client_metadata", bad.jsonPath().getString("error"));
        Registered c = confidential(Map.of("dpop_bound_access_tokens", true));
        assertEquals(true, c.registration().getBoolean("dpop_bound_access_tokens"));
        invalidProof(c.token(CLIENT_CREDENTIALS)); // RFC 9449 5.2
        Response ok = tokenWithProof(c, CLIENT_CREDENTIALS, proof(newKey(), "POST", tokenEndpoint, null));
        assertEquals("DPoP", ok.jsonPath().getString("token_type"), ok::asString);
    }

    record PublicClient(String clientId, String redirectUri) {
    }

    static PublicClient publicClient() {
        Map<String, Object> m = basicMetadata("http://localhost:9090/dpop-" + RelyingParty.random());
        m.put("token_endpoint_auth_method", "none");
        m.put("grant_types", List.of("authorization_code", "refresh_token"));
        Response r = register(m);
        assertEquals(201, r.statusCode(), r::asString);
        return new PublicClient(r.jsonPath().getString("client_id"), r.jsonPath().getList("redirect_uris").get(0).toString());
    }

    /** Runs the browser part of a PKCE code flow for {@code client} with {@code extra} parameters; returns code and verifier. */
    static String[] authorize(PublicClient client, Map<String, String> extra) {
        String verifier = RelyingParty.random() + RelyingParty.random();
        Map<String, String> req = new LinkedHashMap<>();
        req.put("response_type", "code");
        req.put("client_id", client.clientId());
        req.put("redirect_uri", client.redirectUri());
        req.put("scope", "openid profile");
        req.put("state", RelyingParty.random());
        req.put("code_challenge", RelyingParty.s256(verifier));
        req.put("code_challenge_method", "S256");
        req.putAll(extra);
        UserAgentDriver driver = new UserAgentDriver(new Browser(), ConformanceFlows.USER, ConformanceFlows.PASSWORD);
        AuthorizationOutcome o = driver.authorize(DynamicClients.discovery().getString("authorization_endpoint"), req,
                client.redirectUri());
        assertTrue(o.isCallback() && o.param("code") != null, () -> "no code: " + o);
        return new String[] {o.param("code"), verifier};
    }

    static Map<String, String> codeExchange(PublicClient client, String[] codeAndVerifier) {
        return Map.of("grant_type", "authorization_code", "code", codeAndVerifier[0], "redirect_uri", client.redirectUri(),
                "code_verifier", codeAndVerifier[1]);
    }

    @Test
    void aPublicClientsRefreshTokenIsBoundToItsKey() {
        PublicClient client = publicClient();
        ECKey key = newKey();
        Response t = publicToken(client.clientId(), codeExchange(client, authorize(client, Map.of())),
                proof(key, "POST", tokenEndpoint, null));
        assertEquals(200, t.statusCode(), t::asString);
        assertEquals("DPoP", t.jsonPath().getString("token_type"));
        String refresh = t.jsonPath().getString("refresh_token");
        assertNotNull(refresh);
        Map<String, String> form = Map.of("grant_type", "refresh_token", "refresh_token", refresh);
        // RFC 9449 5: without the key, the refresh token is useless; a failed try does not consume it.
        invalidGrant(publicToken(client.clientId(), form, null));
        invalidGrant(publicToken(client.clientId(), form, proof(newKey(), "POST", tokenEndpoint, null)));
        Response refreshed = publicToken(client.clientId(), form, proof(key, "POST", tokenEndpoint, null));
        assertEquals(200, refreshed.statusCode(), refreshed::asString);
        assertEquals("DPoP", refreshed.jsonPath().getString("token_type"));
        // The successor is bound to the same key.
        Map<String, String> next = Map.of("grant_type", "refresh_token", "refresh_token", refreshed.jsonPath().getString("refresh_token"));
        invalidGrant(publicToken(client.clientId(), next, proof(newKey(), "POST", tokenEndpoint, null)));
        assertEquals(200, publicToken(client.clientId(), next, proof(key, "POST", tokenEndpoint, null)).statusCode());
    }

    @Test
    void dpopJktAtTheAuthorizationEndpointBindsTheCode() {
        PublicClient client = publicClient();
        ECKey key = newKey();
        String[] code = authorize(client, Map.of("dpop_jkt", thumbprint(key)));
        // RFC 9449 10: no proof, or a proof by another key, cannot redeem the code; neither consumes it.
        invalidGrant(publicToken(client.clientId(), codeExchange(client, code), null));
        invalidGrant(publicToken(client.clientId(), codeExchange(client, code), proof(newKey(), "POST", tokenEndpoint, null)));
        Response ok = publicToken(client.clientId(), codeExchange(client, code), proof(key, "POST", tokenEndpoint, null));
        assertEquals(200, ok.statusCode(), ok::asString);
        assertEquals("DPoP", ok.jsonPath().getString("token_type"));
    }

    @Test
    void aProofAtParBindsTheCode() {
        Registered c = registered(Map.of("client_name", "par dpop", "redirect_uris",
                List.of("http://localhost:9090/par-dpop-" + RelyingParty.random()), "grant_types", List.of("authorization_code")), null);
        String par = c.rp().endpoint("pushed_authorization_request_endpoint");
        ECKey key = newKey();
        Map<String, String> request = c.rp().request("code", "openid");
        // RFC 9449 10.1: dpop_jkt and the PAR proof must agree.
        Response mismatch = given().auth().preemptive().basic(c.clientId(), c.rp().clientSecret)
                .header("DPoP", proof(key, "POST", par, null)).formParams(withJkt(request, thumbprint(newKey()))).post(par);
        invalidProof(mismatch);
        Response pushed = given().auth().preemptive().basic(c.clientId(), c.rp().clientSecret)
                .header("DPoP", proof(key, "POST", par, null)).formParams(request).post(par);
        assertEquals(201, pushed.statusCode(), pushed::asString);
        UserAgentDriver driver = new UserAgentDriver(new Browser(), ConformanceFlows.USER, ConformanceFlows.PASSWORD);
        AuthorizationOutcome o = driver.authorize(c.rp().endpoint("authorization_endpoint"),
                Map.of("client_id", c.clientId(), "request_uri", pushed.jsonPath().getString("request_uri")), c.rp().redirectUri);
        assertNotNull(o.param("code"), o::toString);
        Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", o.param("code"), "redirect_uri",
                c.rp().redirectUri);
        invalidGrant(c.token(exchange));
        Response ok = tokenWithProof(c, exchange, proof(key, "POST", tokenEndpoint, null));
        assertEquals(200, ok.statusCode(), ok::asString);
        assertEquals("DPoP", ok.jsonPath().getString("token_type"));
    }

    static Map<String, String> withJkt(Map<String, String> request, String jkt) {
        Map<String, String> m = new LinkedHashMap<>(request);
        m.put("dpop_jkt", jkt);
        return m;
    }

    @Test
    void userinfoTakesABoundTokenOnlyWithTheDpopSchemeAndAProof() {
        PublicClient client = publicClient();
        ECKey key = newKey();
        Response t = publicToken(client.clientId(), codeExchange(client, authorize(client, Map.of())),
                proof(key, "POST", tokenEndpoint, null));
        String at = t.jsonPath().getString("access_token");

        // RFC 9449 7.2: never as a bearer token; the challenge is DPoP's, naming the algorithms.
        Response asBearer = given().auth().oauth2(at).get(userinfoEndpoint);
        assertEquals(401, asBearer.statusCode(), asBearer::asString);
        String challenge = asBearer.header("WWW-Authenticate");
        assertTrue(challenge.startsWith("DPoP ") && challenge.contains("algs=\"") && challenge.contains("error=\"invalid_token\""),
                challenge);
        // The DPoP scheme without a proof, with a proof lacking the right ath, or for another method.
        dpopChallenge(given().header("Authorization", "DPoP " + at).get(userinfoEndpoint), "invalid_dpop_proof");
        dpopChallenge(given().header("Authorization", "DPoP " + at).header("DPoP", proof(key, "GET", userinfoEndpoint, null))
                .get(userinfoEndpoint), "invalid_dpop_proof");
        dpopChallenge(given().header("Authorization", "DPoP " + at).header("DPoP", proof(key, "GET", userinfoEndpoint, at + "x"))
                .get(userinfoEndpoint), "invalid_dpop_proof");
        dpopChallenge(given().header("Authorization", "DPoP " + at).header("DPoP", proof(key, "POST", userinfoEndpoint, at))
                .get(userinfoEndpoint), "invalid_dpop_proof");
        // A valid proof by another key: the token is not bound to it.
        dpopChallenge(given().header("Authorization", "DPoP " + at).header("DPoP", proof(newKey(), "GET", userinfoEndpoint, at))
                .get(userinfoEndpoint), "invalid_token");
        // The right key, method, URI and token.
        Response ok = given().header("Authorization", "DPoP " + at).header("DPoP", proof(key, "GET", userinfoEndpoint, at))
                .get(userinfoEndpoint);
        assertEquals(200, ok.statusCode(), ok::asString);
        assertNotNull(ok.jsonPath().getString("sub"));
        Response post = given().header("Authorization", "DPoP " + at).header("DPoP", proof(key, "POST", userinfoEndpoint, at))
                .post(userinfoEndpoint);
        assertEquals(200, post.statusCode(), post::asString);

        // A bearer token sent with the DPoP scheme is refused too.
        Registered rp = registered(Map.of("client_name", "bearer", "redirect_uris", List.of("http://localhost:9090/dpop-bearer"),
                "grant_types", List.of("authorization_code")), null);
        Map<String, String> req = rp.rp().request("code", "openid");
        AuthorizationOutcome o = new UserAgentDriver(new Browser(), ConformanceFlows.USER, ConformanceFlows.PASSWORD)
                .authorize(rp.rp().endpoint("authorization_endpoint"), req, rp.rp().redirectUri);
        String bearer = rp.redeem(o.param("code"), rp.rp().redirectUri).jsonPath().getString("access_token");
        dpopChallenge(given().header("Authorization", "DPoP " + bearer).header("DPoP", proof(key, "GET", userinfoEndpoint, bearer))
                .get(userinfoEndpoint), "invalid_token");
        assertEquals(200, rp.rp().userinfo(bearer).statusCode());
    }

    static void dpopChallenge(Response r, String error) {
        assertEquals(401, r.statusCode(), r::asString);
        String challenge = r.header("WWW-Authenticate");
        assertNotNull(challenge, r::asString);
        assertTrue(challenge.startsWith("DPoP ") && challenge.contains("error=\"" + error + "\""), challenge);
    }

    @Test
    void discoveryAdvertisesTheProofAlgorithms() {
        List<String> algs = DynamicClients.discovery().getList("dpop_signing_alg_values_supported");
        assertTrue(algs.containsAll(List.of("ES256", "RS256", "PS256", "EdDSA")), algs::toString);
        assertTrue(!algs.contains("none") && !algs.contains("HS256"), algs::toString);
    }
}
