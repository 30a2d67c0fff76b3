package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.keys.SigningKeyStore;
import io.gatehouse.model.token.AccessTokenValidator;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response type in every response mode (OIDC Core 3.1-3.3, Multiple Response Types 2.1-5, Form Post Response
 * Mode 2): what is returned, where, and ID tokens verified with Nimbus against the published keys.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ResponseTypesAndModesTest {

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    GatehouseConfig config;
    @Inject
    SigningKeyStore keys;
    @Inject
    AccessTokenValidator accessTokens;

    static Stream<Arguments> typesAndModes() {
        return AuthorizeFixtures.ALL_RESPONSE_TYPES.stream().flatMap(type -> Stream.of(null, "query", "fragment", "form_post")
                .filter(mode -> !("query".equals(mode) && !type.equals("code")))
                .map(mode -> Arguments.of(type, mode)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("typesAndModes")
    void responseTypeInResponseModeCarriesWhatItNames(String type, String mode) throws Exception {
        ClientEntity client = fixtures.client(c -> c.firstParty = true);
        UserEntity user = fixtures.user();
        Map<String, String> req = Flows.request(client, type, "openid profile");
        if (mode != null) {
            req.put("response_mode", mode);
        }
        Response r = Flows.run(new TestBrowser(), req, user);
        String expectedMode = mode != null ? mode : type.equals("code") ? "query" : "fragment";
        Map<String, String> p;
        switch (expectedMode) {
            case "query" -> {
                assertEquals(302, r.statusCode());
                URI uri = URI.create(r.header("Location"));
                assertNull(uri.getRawFragment());
                p = TestBrowser.parse(uri.getRawQuery());
            }
            case "fragment" -> {
                assertEquals(302, r.statusCode());
                URI uri = URI.create(r.header("Location"));
                assertNull(uri.getRawQuery(), "nothing in the query");
                p = TestBrowser.parse(uri.getRawFragment());
            }
            default -> {
                assertEquals(200, r.statusCode());
                assertNull(r.header("Location"));
                Element form = Jsoup.parse(r.asString()).selectFirst("form");
                assertEquals("post", form.attr("method"));
                assertEquals("https://rp.example/cb", form.attr("action"));
                assertNotNull(Jsoup.parse(r.asString()).selectFirst("noscript button"));
                assertTrue(r.header("Content-Security-Policy").contains("'nonce-"), "the auto-submit script runs by nonce");
                p = Flows.parameters(r);
            }
        }
        assertEquals(req.get("state"), p.get("state"));
        assertEquals(config.issuer(), p.get("iss"));
        List<String> words = List.of(type.split(" "));
        assertEquals(words.contains("code"), p.containsKey("code"), "code");
        assertEquals(words.contains("token"), p.containsKey("access_token"), "access_token");
        assertEquals(words.contains("id_token"), p.containsKey("id_token"), "id_token");
        if (words.contains("token")) {
            assertEquals("Bearer", p.get("token_type"));
            assertTrue(Long.parseLong(p.get("expires_in")) > 0);
            AccessTokenValidator.ValidatedAccessToken at = accessTokens.validate(p.get("access_token"));
            assertEquals(user.id.toString(), at.sub());
            assertEquals(client.clientId, at.clientId());
        }
        if (words.contains("id_token")) {
            JWTClaimsSet claims = Flows.verifyIdToken(keys, p.get("id_token"));
            assertEquals(config.issuer(), claims.getIssuer());
            assertEquals(List.of(client.clientId), claims.getAudience());
            assertEquals(user.id.toString(), claims.getSubject());
            assertEquals(req.get("nonce"), claims.getStringClaim("nonce"), "nonce passed unchanged");
            assertNotNull(claims.getClaim("auth_time"));
            assertNotNull(claims.getStringClaim("sid"));
            if (words.contains("token")) {
                assertEquals(Flows.leftHalfSha256(p.get("access_token")), claims.getStringClaim("at_hash"));
            } else {
                assertNull(claims.getStringClaim("at_hash"));
            }
            if (words.contains("code")) {
                assertEquals(Flows.leftHalfSha256(p.get("code")), claims.getStringClaim("c_hash"));
            } else {
                assertNull(claims.getStringClaim("c_hash"));
            }
            if (type.equals("id_token")) {
                assertEquals("Test User", claims.getStringClaim("name"), "scope claims in the ID token when no access token");
            }
        }
    }

    @Test
    void queryModeIsRefusedForResponsesWithTokensAndTheErrorGoesInTheFragment() {
        ClientEntity client = fixtures.client();
        Map<String, String> req = Flows.request(client, "code id_token", "openid");
        req.put("response_mode", "query");
        Response r = new TestBrowser().authorize(req);
        URI uri = URI.create(r.header("Location"));
        assertNull(uri.getRawQuery());
        Map<String, String> p = TestBrowser.parse(uri.getRawFragment());
        assertEquals("invalid_request", p.get("error"));
        assertEquals(req.get("state"), p.get("state"));
    }

    @Test
    void formPostValuesAreHtmlEscaped() {
        ClientEntity client = fixtures.client(c -> c.firstParty = true);
        UserEntity user = fixtures.user();
        Map<String, String> req = Flows.request(client, "code", "openid");
        req.put("response_mode", "form_post");
        req.put("state", "\"><script>alert(1)</script>");
        Response r = Flows.run(new TestBrowser(), req, user);
        assertFalse(r.asString().contains("<script>alert(1)"), r.asString());
        assertEquals(req.get("state"), Flows.parameters(r).get("state"));
    }

    @Test
    void errorsInFormPostModeArePostedToo() {
        ClientEntity client = fixtures.client();
        Map<String, String> req = Flows.request(client, "code", "openid unknown-scope");
        req.put("response_mode", "form_post");
        Response r = new TestBrowser().authorize(req);
        assertEquals(200, r.statusCode());
        Map<String, String> p = Flows.parameters(r);
        assertEquals("invalid_scope", p.get("error"));
        assertEquals(config.issuer(), p.get("iss"));
    }

    @Test
    void responseTypeNotRegisteredForTheClientIsUnauthorizedClient() {
        ClientEntity client = fixtures.client(c -> c.responseTypes = new java.util.ArrayList<>(List.of("code")));
        Map<String, String> p = TestBrowser.callback(new TestBrowser().authorize(Flows.request(client, "id_token", "openid")));
        assertEquals("unauthorized_client", p.get("error"));
    }

    @Test
    void registeredResponseTypeMatchesInAnyWordOrder() {
        ClientEntity client = fixtures.client(c -> {
            c.responseTypes = new java.util.ArrayList<>(List.of("id_token code"));
            c.firstParty = true;
        });
        Response r = Flows.run(new TestBrowser(), Flows.request(client, "code id_token", "openid"), fixtures.user());
        assertNotNull(TestBrowser.callback(r).get("code"));
    }
}
