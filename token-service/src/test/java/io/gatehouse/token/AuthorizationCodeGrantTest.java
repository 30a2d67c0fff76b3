package io.gatehouse.token;

import static io.gatehouse.token.TokenCalls.ISSUER;
import static io.gatehouse.token.TokenCalls.introspect;
import static io.gatehouse.token.TokenCalls.redeem;
import static io.gatehouse.token.TokenCalls.refresh;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.token.TokenFixtures.Code;
import io.gatehouse.token.TokenFixtures.Issued;
import io.gatehouse.token.TokenFixtures.TestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authorization code grant (RFC 6749 4.1.3, RFC 7636 4.6, OIDC Core 3.1.3). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AuthorizationCodeGrantTest {

    @Inject
    TokenFixtures fixtures;

    static void invalidGrant(ValidatableResponse r) {
        r.statusCode(400).header("Cache-Control", "no-store").header("Pragma", "no-cache").body("error", equalTo("invalid_grant"));
    }

    static String atHash(String accessToken) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }

    @Test
    void codeRedeemedWithPkceGivesTokensAndAnIndependentlyVerifiableIdToken() throws Exception {
        TestClient client = fixtures.webClient();
        UserEntity user = fixtures.user();
        Code c = new Code(client, user.id).pkce();
        c.sid = fixtures.session(user.id);
        Issued code = fixtures.code(c);

        JsonPath tokens = redeem(client, code.code(), c.verifier).then().statusCode(200)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(600)).body("scope", equalTo("openid profile"))
                .body("refresh_token", notNullValue()).extract().jsonPath();

        JWTClaimsSet id = fixtures.verified(tokens.getString("id_token"));
        assertEquals(ISSUER, id.getIssuer());
        assertEquals(List.of(client.clientId()), id.getAudience());
        assertEquals(user.id.toString(), id.getSubject());
        assertEquals(c.nonce, id.getStringClaim("nonce"));
        assertEquals(c.authTime.getEpochSecond(), id.getLongClaim("auth_time"));
        assertEquals("urn:gatehouse:pwd", id.getStringClaim("acr"));
        assertEquals(List.of("pwd"), id.getStringListClaim("amr"));
        assertEquals(c.sid, id.getStringClaim("sid"));
        assertEquals(client.clientId(), id.getStringClaim("azp"));
        assertEquals(atHash(tokens.getString("access_token")), id.getStringClaim("at_hash"));
        assertTrue(id.getExpirationTime().after(new java.util.Date()));

        JWTClaimsSet at = fixtures.verified(tokens.getString("access_token"));
        assertEquals(code.grantId().toString(), at.getStringClaim("grant_id"));
        assertEquals(1, fixtures.auditEvents(AuditEvent.TOKEN_ISSUED, client.clientId()));
    }

    @Test
    void claimsRequestedForTheIdTokenAreInIt() throws Exception {
        TestClient client = fixtures.webClient();
        Code c = new Code(client, fixtures.user().id);
        c.claims = "{\"id_token\":{\"email\":{\"essential\":true}}}";
        String idToken = redeem(client, fixtures.code(c).code(), null).then().statusCode(200).extract().path("id_token");
        assertEquals("alice@example.com", fixtures.verified(idToken).getStringClaim("email"));
    }

    @Test
    void withoutOpenidScopeThereIsNoIdToken() {
        TestClient client = fixtures.webClient();
        Code c = new Code(client, fixtures.user().id);
        c.scope = "profile";
        redeem(client, fixtures.code(c).code(), null).then().statusCode(200).body("id_token", nullValue())
                .body("scope", equalTo("profile"));
    }

    @Test
    void clientNotRegisteredForRefreshGetsNoRefreshToken() {
        TestClient client = fixtures.client("client_secret_post", List.of("authorization_code"), "openid", Map.of());
        redeem(client, fixtures.code(new Code(client, fixtures.user().id)).code(), null).then().statusCode(200)
                .body("refresh_token", nullValue()).body("id_token", notNullValue());
    }

    @Test
    void wrongCodeVerifierIsInvalidGrantAndLeavesTheCodeUsable() {
        TestClient client = fixtures.webClient();
        Code c = new Code(client, fixtures.user().id).pkce();
        String code = fixtures.code(c).code();
        invalidGrant(redeem(client, code, c.verifier.substring(1) + "A").then());
        invalidGrant(redeem(client, code, "too-short").then());
        invalidGrant(redeem(client, code, null).then());
        redeem(client, code, c.verifier).then().statusCode(200);
    }

    @Test
    void s256CodeRefusesTheChallengeItselfAsVerifier() {
        TestClient client = fixtures.webClient();
        Code c = new Code(client, fixtures.user().id).pkce();
        String code = fixtures.code(c).code();
        invalidGrant(redeem(client, code, io.gatehouse.model.token.Pkce.s256Challenge(c.verifier)).then());
    }

    @Test
    void plainChallengeIsAcceptedWhenTheCodeSaysPlain() {
        TestClient client = fixtures.webClient();
        Code c = new Code(client, fixtures.user().id).pkce();
        c.challengeMethod = "plain";
        redeem(client, fixtures.code(c).code(), c.verifier).then().statusCode(200);
    }

    @Test
    void verifierWithoutAChallengeIsInvalidGrant() {
        TestClient client = fixtures.webClient();
        String code = fixtures.code(new Code(client, fixtures.user().id)).code();
        invalidGrant(redeem(client, code, "a".repeat(43)).then()); // RFC 9700 2.1.1
    }

    @Test
    void publicClientWithPkceGetsTokens() {
        TestClient client = fixtures.client("none", List.of("authorization_code", "refresh_token"), "openid", Map.of());
        Code c = new Code(client, fixtures.user().id).pkce();
        c.scope = "openid";
        redeem(client, fixtures.code(c).code(), c.verifier).then().statusCode(200).body("id_token", notNullValue());
    }

    @Test
    void publicClientWithoutPkceIsInvalidGrant() {
        TestClient client = fixtures.client("none", List.of("authorization_code"), "openid", Map.of());
        Code c = new Code(client, fixtures.user().id);
        c.scope = "openid";
        invalidGrant(redeem(client, fixtures.code(c).code(), null).then());
    }

    @Test
    void redirectUriMismatchIsInvalidGrant() {
        TestClient client = fixtures.webClient();
        String code = fixtures.code(new Code(client, fixtures.user().id)).code();
        invalidGrant(TokenCalls.as(client).formParams(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", TokenFixtures.REDIRECT_URI + "/x")).post("/token").then());
        invalidGrant(TokenCalls.as(client).formParams(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", TokenFixtures.REDIRECT_URI.toUpperCase())).post("/token").then());
    }

    @Test
    void redirectUriMayBeOmittedOnlyWhenTheClientHasOneRegistered() {
        TestClient client = fixtures.webClient();
        String code = fixtures.code(new Code(client, fixtures.user().id)).code();
        TokenCalls.token(client, Map.of("grant_type", "authorization_code", "code", code)).then().statusCode(200);

        TestClient two = fixtures.webClient();
        fixtures.updateClient(two.clientId(), e -> e.redirectUris = new java.util.ArrayList<>(List.of(TokenFixtures.REDIRECT_URI,
                "https://rp.example/other")));
        String code2 = fixtures.code(new Code(two, fixtures.user().id)).code();
        TokenCalls.token(two, Map.of("grant_type", "authorization_code", "code", code2)).then().statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void expiredCodeIsInvalidGrant() {
        TestClient client = fixtures.webClient();
        Code c = new Code(client, fixtures.user().id);
        c.expiresAt = Instant.now().minusSeconds(1);
        invalidGrant(redeem(client, fixtures.code(c).code(), null).then());
    }

    @Test
    void unknownCodeIsInvalidGrant() {
        invalidGrant(redeem(fixtures.webClient(), "no-such-code", null).then());
    }

    @Test
    void codeIssuedToAnotherClientIsInvalidGrantAndStaysUsableByItsClient() {
        TestClient owner = fixtures.webClient();
        TestClient other = fixtures.webClient();
        String code = fixtures.code(new Code(owner, fixtures.user().id)).code();
        invalidGrant(redeem(other, code, null).then());
        redeem(owner, code, null).then().statusCode(200);
    }

    @Test
    void disabledUserGetsNoTokens() {
        TestClient client = fixtures.webClient();
        UserEntity user = fixtures.user();
        String code = fixtures.code(new Code(client, user.id)).code();
        fixtures.disableUser(user.id);
        invalidGrant(redeem(client, code, null).then());
    }

    @Test
    void codeRedeemedTwiceRevokesFirstTokens() {
        TestClient client = fixtures.webClient();
        Issued code = fixtures.code(new Code(client, fixtures.user().id));
        JsonPath first = redeem(client, code.code(), null).then().statusCode(200).extract().jsonPath();
        introspect(client, first.getString("access_token")).then().body("active", equalTo(true));

        invalidGrant(redeem(client, code.code(), null).then());

        introspect(client, first.getString("access_token")).then().statusCode(200).body("active", equalTo(false));
        introspect(client, first.getString("refresh_token")).then().statusCode(200).body("active", equalTo(false));
        invalidGrant(refresh(client, first.getString("refresh_token")).then());
        assertNotNull(fixtures.grant(code.grantId()).revokedAt);
        assertEquals(1, fixtures.auditEvents(AuditEvent.CODE_REUSED, client.clientId()));
    }

    @Test
    void missingCodeIsInvalidRequest() {
        TokenCalls.token(fixtures.webClient(), Map.of("grant_type", "authorization_code")).then().statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void revokedGrantGivesNoTokens() {
        TestClient client = fixtures.webClient();
        Issued code = fixtures.code(new Code(client, fixtures.user().id));
        fixtures.revokeGrant(code.grantId());
        invalidGrant(redeem(client, code.code(), null).then());
    }
}
