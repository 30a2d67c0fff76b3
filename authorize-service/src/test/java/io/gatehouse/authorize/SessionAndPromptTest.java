package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.keys.SigningKeyStore;
import io.gatehouse.model.repository.SessionRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SSO sessions and the parameters that steer them (OIDC Core 3.1.2.1 prompt, max_age, id_token_hint). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SessionAndPromptTest {

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    SigningKeyStore keys;
    @Inject
    SessionRepository sessions;

    /** Logs in with an implicit request and returns the ID token's claims. */
    JWTClaimsSet idToken(TestBrowser b, ClientEntity client, UserEntity user, Map<String, String> extra) throws Exception {
        Map<String, String> req = Flows.request(client, "id_token", "openid");
        req.putAll(extra);
        Response r = Flows.run(b, req, user);
        Map<String, String> p = TestBrowser.callback(r);
        assertNotNull(p.get("id_token"), p.toString());
        return Flows.verifyIdToken(keys, p.get("id_token"));
    }

    /** Moves the session's auth_time into the past, as if the user had logged in {@code seconds} ago. */
    void ageSession(String sid, long seconds) {
        QuarkusTransaction.requiringNew().run(() -> {
            SessionEntity s = sessions.findById(sid);
            s.authTime = s.authTime.minusSeconds(seconds);
        });
    }

    @Test
    void promptNoneWithSessionAndConsentSucceedsSilently() throws Exception {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        JWTClaimsSet first = idToken(b, client, user, Map.of());
        Map<String, String> req = Flows.request(client, "id_token", "openid");
        req.put("prompt", "none");
        Response r = b.authorize(req);
        Map<String, String> p = TestBrowser.callback(r);
        JWTClaimsSet second = Flows.verifyIdToken(keys, p.get("id_token"));
        assertEquals(first.getSubject(), second.getSubject());
        assertEquals(first.getClaim("auth_time"), second.getClaim("auth_time"));
        assertEquals(first.getStringClaim("sid"), second.getStringClaim("sid"));
    }

    @Test
    void promptNoneWithSessionButNoConsentIsConsentRequired() {
        ClientEntity client = fixtures.client();
        ClientEntity other = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Flows.run(b, Flows.request(client, "code", "openid"), user);
        Map<String, String> req = Flows.request(other, "code", "openid");
        req.put("prompt", "none");
        Map<String, String> p = TestBrowser.callback(b.authorize(req));
        assertEquals("consent_required", p.get("error"));
        assertEquals(req.get("state"), p.get("state"));
    }

    @Test
    void promptLoginShowsTheLoginPageAndAdvancesAuthTime() throws Exception {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        JWTClaimsSet first = idToken(b, client, user, Map.of());
        ageSession(first.getStringClaim("sid"), 30);
        Map<String, String> req = Flows.request(client, "id_token", "openid");
        req.put("prompt", "login");
        Response page = b.follow(b.authorize(req));
        assertTrue(Flows.isLoginPage(page), "prompt=login asks for the password again");
        JWTClaimsSet second = Flows.verifyIdToken(keys, TestBrowser.callback(Flows.login(b, page, user)).get("id_token"));
        assertTrue(second.getDateClaim("auth_time").after(new Date(first.getDateClaim("auth_time").getTime() - 30_000)));
        assertTrue(second.getDateClaim("auth_time").getTime() > first.getDateClaim("auth_time").getTime() - 30_000 + 1000);
        assertEquals(first.getStringClaim("sid"), second.getStringClaim("sid"), "the same user's session continues");
    }

    @Test
    void maxAgeElapsedForcesAFreshLoginAndAdvancesAuthTime() throws Exception {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        JWTClaimsSet first = idToken(b, client, user, Map.of());
        ageSession(first.getStringClaim("sid"), 120);
        Map<String, String> req = Flows.request(client, "id_token", "openid");
        req.put("max_age", "60");
        Response page = b.follow(b.authorize(req));
        assertTrue(Flows.isLoginPage(page), "older than max_age: log in again");
        JWTClaimsSet second = Flows.verifyIdToken(keys, TestBrowser.callback(Flows.login(b, page, user)).get("id_token"));
        long now = Instant.now().getEpochSecond();
        assertTrue(now - second.getDateClaim("auth_time").toInstant().getEpochSecond() < 60, "auth_time is the new login");
    }

    @Test
    void maxAgeNotElapsedNeedsNoLogin() throws Exception {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        JWTClaimsSet first = idToken(b, client, user, Map.of("max_age", "15000"));
        Map<String, String> req = Flows.request(client, "id_token", "openid");
        req.put("max_age", "10000");
        Map<String, String> p = TestBrowser.callback(b.authorize(req));
        JWTClaimsSet second = Flows.verifyIdToken(keys, p.get("id_token"));
        assertEquals(first.getClaim("auth_time"), second.getClaim("auth_time"));
    }

    @Test
    void clientsDefaultMaxAgeForcesALoginWhenTheRequestSendsNoMaxAge() throws Exception {
        ClientEntity client = fixtures.client(c -> c.metadata.put("default_max_age", 60)); // OIDC Registration 2
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        JWTClaimsSet first = idToken(b, client, user, Map.of());
        assertNotNull(first.getClaim("auth_time"), "auth_time is in every ID token (require_auth_time, max_age)");
        ageSession(first.getStringClaim("sid"), 120);
        Map<String, String> silent = Flows.request(client, "id_token", "openid");
        silent.put("prompt", "none");
        assertEquals("login_required", TestBrowser.callback(b.authorize(silent)).get("error"));
        Map<String, String> overridden = Flows.request(client, "id_token", "openid");
        overridden.put("max_age", "3600");
        overridden.put("prompt", "none");
        assertNotNull(TestBrowser.callback(b.authorize(overridden)).get("id_token"), "max_age overrides default_max_age");
        Response page = b.follow(b.authorize(Flows.request(client, "id_token", "openid")));
        assertTrue(Flows.isLoginPage(page), "older than default_max_age: log in again");
    }

    @Test
    void maxAgeElapsedWithPromptNoneIsLoginRequired() throws Exception {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        JWTClaimsSet first = idToken(b, client, user, Map.of());
        ageSession(first.getStringClaim("sid"), 120);
        Map<String, String> req = Flows.request(client, "id_token", "openid");
        req.put("max_age", "60");
        req.put("prompt", "none");
        assertEquals("login_required", TestBrowser.callback(b.authorize(req)).get("error"));
    }

    @Test
    void idTokenHintOfTheSessionUserSucceedsWithPromptNone() throws Exception {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Map<String, String> first = TestBrowser.callback(Flows.run(b, Flows.request(client, "id_token", "openid"), user));
        Map<String, String> req = Flows.request(client, "code", "openid");
        req.put("prompt", "none");
        req.put("id_token_hint", first.get("id_token"));
        assertNotNull(TestBrowser.callback(b.authorize(req)).get("code"));
    }

    @Test
    void idTokenHintForAnotherUserIsLoginRequired() {
        ClientEntity client = fixtures.client();
        UserEntity alice = fixtures.user();
        UserEntity bob = fixtures.user();
        TestBrowser aliceBrowser = new TestBrowser();
        Map<String, String> aliceTokens = TestBrowser.callback(Flows.run(aliceBrowser, Flows.request(client, "id_token", "openid"), alice));
        TestBrowser bobBrowser = new TestBrowser();
        Flows.run(bobBrowser, Flows.request(client, "id_token", "openid"), bob);
        Map<String, String> req = Flows.request(client, "id_token", "openid");
        req.put("prompt", "none");
        req.put("id_token_hint", aliceTokens.get("id_token"));
        assertEquals("login_required", TestBrowser.callback(bobBrowser.authorize(req)).get("error"));
    }

    @Test
    void idTokenHintForAnotherUserThenLoginAsThatOtherUserStillFails() {
        ClientEntity client = fixtures.client(c -> c.firstParty = true);
        UserEntity alice = fixtures.user();
        UserEntity bob = fixtures.user();
        Map<String, String> aliceTokens = TestBrowser.callback(Flows.run(new TestBrowser(), Flows.request(client, "id_token", "openid"), alice));
        TestBrowser b = new TestBrowser();
        Map<String, String> req = Flows.request(client, "id_token", "openid");
        req.put("id_token_hint", aliceTokens.get("id_token"));
        Response page = b.follow(b.authorize(req));
        assertTrue(Flows.isLoginPage(page));
        assertEquals("login_required", TestBrowser.callback(Flows.login(b, page, bob)).get("error"));
    }

    @Test
    void idTokenHintNotIssuedHereIsInvalidRequest() {
        Map<String, String> req = Flows.request(fixtures.client(), "code", "openid");
        req.put("id_token_hint", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
        assertEquals("invalid_request", TestBrowser.callback(new TestBrowser().authorize(req)).get("error"));
    }

    @Test
    void endedSessionIsNotUsed() {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Map<String, String> first = TestBrowser.callback(Flows.run(b, Flows.request(client, "code", "openid"), user));
        assertNotNull(first.get("code"));
        QuarkusTransaction.requiringNew().run(() -> sessions.update("endedAt = ?1 where userId = ?2", Instant.now(), user.id));
        Map<String, String> req = Flows.request(client, "code", "openid");
        req.put("prompt", "none");
        assertEquals("login_required", TestBrowser.callback(b.authorize(req)).get("error"));
    }

    @Test
    void idleSessionIsNotUsed() {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Flows.run(b, Flows.request(client, "code", "openid"), user);
        QuarkusTransaction.requiringNew().run(() -> sessions.update("lastSeenAt = ?1 where userId = ?2",
                Instant.now().minusSeconds(24 * 3600), user.id));
        Map<String, String> req = Flows.request(client, "code", "openid");
        req.put("prompt", "none");
        assertEquals("login_required", TestBrowser.callback(b.authorize(req)).get("error"));
    }

    @Test
    void loginAsAnotherUserEndsThePreviousSession() {
        ClientEntity client = fixtures.client(c -> c.firstParty = true);
        UserEntity alice = fixtures.user();
        UserEntity bob = fixtures.user();
        TestBrowser b = new TestBrowser();
        Flows.run(b, Flows.request(client, "code", "openid"), alice);
        Map<String, String> req = Flows.request(client, "code", "openid");
        req.put("prompt", "login");
        Flows.login(b, b.follow(b.authorize(req)), bob);
        SessionEntity old = QuarkusTransaction.requiringNew().call(() -> sessions.find("userId", alice.id).firstResult());
        assertNotNull(old.endedAt, "alice's session ended");
    }
}
