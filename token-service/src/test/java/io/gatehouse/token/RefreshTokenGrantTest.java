package io.gatehouse.token;

import static io.gatehouse.token.TokenCalls.introspect;
import static io.gatehouse.token.TokenCalls.redeem;
import static io.gatehouse.token.TokenCalls.refresh;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.model.audit.AuditEvent;
import io.gatehouse.model.entity.RefreshTokenEntity;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The refresh token grant (RFC 6749 6, OIDC Core 12, RFC 9700 4.14.2 rotation). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RefreshTokenGrantTest {

    @Inject
    TokenFixtures fixtures;

    TestClient client;
    UserEntity user;
    Code code;
    Issued issued;

    /** Redeems a fresh code of a web client; returns the token response. */
    JsonPath tokens(boolean offline, String sid) {
        client = fixtures.webClient();
        user = fixtures.user();
        code = new Code(client, user.id);
        code.offline = offline;
        code.scope = offline ? "openid profile offline_access" : "openid profile";
        code.sid = sid == null ? fixtures.session(user.id) : sid;
        issued = fixtures.code(code);
        return redeem(client, issued.code(), null).then().statusCode(200).extract().jsonPath();
    }

    static void invalidGrant(ValidatableResponse r) {
        r.statusCode(400).header("Cache-Control", "no-store").body("error", equalTo("invalid_grant"));
    }

    String refreshed(String refreshToken) {
        return refresh(client, refreshToken).then().statusCode(200).extract().path("refresh_token");
    }

    @Test
    void refreshRotatesTheTokenAndIssuesANewIdTokenWithoutNonce() throws Exception {
        JsonPath first = tokens(false, null);
        JsonPath second = refresh(client, first.getString("refresh_token")).then().statusCode(200)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .body("token_type", equalTo("Bearer")).body("scope", equalTo("openid profile")).extract().jsonPath();

        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
        assertNotEquals(first.getString("access_token"), second.getString("access_token"));
        assertNotNull(fixtures.refreshToken(first.getString("refresh_token")).rotatedAt);
        JWTClaimsSet original = fixtures.verified(first.getString("id_token"));
        JWTClaimsSet renewed = fixtures.verified(second.getString("id_token"));
        assertEquals(original.getSubject(), renewed.getSubject());
        assertEquals(original.getIssuer(), renewed.getIssuer());
        assertEquals(original.getAudience(), renewed.getAudience());
        assertEquals(original.getLongClaim("auth_time"), renewed.getLongClaim("auth_time")); // OIDC Core 12.2
        assertNull(renewed.getStringClaim("nonce"));
        assertEquals(code.sid, renewed.getStringClaim("sid"));
        introspect(client, second.getString("access_token")).then().body("active", equalTo(true));
        refresh(client, second.getString("refresh_token")).then().statusCode(200);
    }

    @Test
    void rotatedTokenReusedAfterTheGracePeriodRevokesTheFamilyAndTheGrant() {
        String t = tokens(false, null).getString("refresh_token");
        JsonPath next = refresh(client, t).then().statusCode(200).extract().jsonPath();
        fixtures.rotatedAgo(t, Duration.ofMinutes(1));

        invalidGrant(refresh(client, t).then());

        invalidGrant(refresh(client, next.getString("refresh_token")).then());
        introspect(client, next.getString("access_token")).then().body("active", equalTo(false));
        assertNotNull(fixtures.grant(issued.grantId()).revokedAt);
        assertEquals(1, fixtures.auditEvents(AuditEvent.REFRESH_TOKEN_REUSED, client.clientId()));
    }

    /** The grant and every token of the family revoked, and the reuse audited once. */
    void familyRevokedAndAudited(String... liveBefore) {
        for (String t : liveBefore) {
            invalidGrant(refresh(client, t).then());
        }
        assertNotNull(fixtures.grant(issued.grantId()).revokedAt);
        assertEquals(1, fixtures.auditEvents(AuditEvent.REFRESH_TOKEN_REUSED, client.clientId()));
    }

    @Test
    void retryInsideTheGracePeriodGetsTheSameSuccessorAgainAndNeverForksTheFamily() {
        String t = tokens(false, null).getString("refresh_token");
        String lost = refreshed(t); // the response carrying it never reached the client
        String retried = refreshed(t);
        assertEquals(lost, retried, "an idempotent retry returns the same successor (RFC 9700 4.14.2)");
        assertEquals(retried, refreshed(t), "as often as it is retried inside the period");
        RefreshTokenEntity presented = fixtures.refreshToken(t);
        assertEquals(1, fixtures.family(presented.familyId).stream().filter(r -> r.rotatedAt == null && r.revokedAt == null).count());
        String after = refreshed(retried);
        refresh(client, after).then().statusCode(200);
        assertNull(fixtures.grant(issued.grantId()).revokedAt);
        assertEquals(0, fixtures.auditEvents(AuditEvent.REFRESH_TOKEN_REUSED, client.clientId()));
    }

    @Test
    void thiefPresentingTheRotatedTokenInsideTheGracePeriodGetsNothingTheClientDoesNotHave() {
        String t = tokens(false, null).getString("refresh_token");
        String clients = refreshed(t);
        String thiefs = refreshed(t); // inside the period, before the client used its successor: the same token
        assertEquals(clients, thiefs, "no second live token exists for the thief");
        String clientsNext = refreshed(clients); // the client goes on
        // The thief's next use of the old token is no retry any more: the whole family ends and it is audited.
        invalidGrant(refresh(client, t).then());
        familyRevokedAndAudited(clientsNext);
    }

    @Test
    void reuseOnceTheSuccessorWasUsedRevokesTheFamilyEvenInsideTheGracePeriod() {
        String t = tokens(false, null).getString("refresh_token");
        String next = refreshed(t);
        String nextButOne = refreshed(next);
        invalidGrant(refresh(client, t).then());
        familyRevokedAndAudited(nextButOne);
    }

    @Test
    void retryAskingForAnotherScopeIsNoRetryButReuse() {
        String t = tokens(false, null).getString("refresh_token");
        String next = refreshed(t);
        invalidGrant(TokenCalls.token(client, Map.of("grant_type", "refresh_token", "refresh_token", t, "scope", "openid")).then());
        familyRevokedAndAudited(next);
    }

    @Test
    void refreshTokenIsBoundToItsClient() {
        String t = tokens(false, null).getString("refresh_token");
        TestClient other = fixtures.webClient();
        invalidGrant(refresh(other, t).then());
        refresh(client, t).then().statusCode(200);
    }

    @Test
    void scopeMayBeNarrowedButTheRefreshTokenKeepsTheOriginalScope() {
        String t = tokens(false, null).getString("refresh_token");
        JsonPath narrowed = TokenCalls.token(client, Map.of("grant_type", "refresh_token", "refresh_token", t, "scope", "profile"))
                .then().statusCode(200).body("scope", equalTo("profile")).body("id_token", nullValue()).extract().jsonPath();
        refresh(client, narrowed.getString("refresh_token")).then().statusCode(200).body("scope", equalTo("openid profile"));
    }

    @Test
    void scopeCannotBeWidened() {
        String t = tokens(false, null).getString("refresh_token");
        TokenCalls.token(client, Map.of("grant_type", "refresh_token", "refresh_token", t, "scope", "openid profile email"))
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
        refresh(client, t).then().statusCode(200); // the refused request did not rotate it
    }

    @Test
    void refreshTokenWithoutOfflineAccessEndsWithTheSession() {
        JsonPath first = tokens(false, null);
        fixtures.endSession(code.sid);
        invalidGrant(refresh(client, first.getString("refresh_token")).then());
        introspect(client, first.getString("refresh_token")).then().body("active", equalTo(false));
    }

    @Test
    void offlineRefreshTokenOutlivesTheSession() {
        JsonPath first = tokens(true, null);
        fixtures.endSession(code.sid);
        refresh(client, first.getString("refresh_token")).then().statusCode(200)
                .body("scope", equalTo("openid profile offline_access"));
    }

    @Test
    void expiredRefreshTokenIsInvalidGrant() {
        String t = tokens(false, null).getString("refresh_token");
        fixtures.expireRefreshToken(t);
        invalidGrant(refresh(client, t).then());
    }

    @Test
    void disabledUserCannotRefresh() {
        String t = tokens(false, null).getString("refresh_token");
        fixtures.disableUser(user.id);
        invalidGrant(refresh(client, t).then());
    }

    @Test
    void unknownRefreshTokenIsInvalidGrant() {
        tokens(false, null);
        invalidGrant(refresh(client, "no-such-token").then());
    }

    @Test
    void publicClientRefreshesWithItsClientIdAndRotation() {
        TestClient pub = fixtures.client("none", List.of("authorization_code", "refresh_token"), "openid", Map.of());
        UserEntity u = fixtures.user();
        Code c = new Code(pub, u.id).pkce();
        c.scope = "openid";
        String t = redeem(pub, fixtures.code(c).code(), c.verifier).then().statusCode(200).extract().path("refresh_token");
        String next = refresh(pub, t).then().statusCode(200).extract().path("refresh_token");
        assertNotEquals(t, next);
    }
}
