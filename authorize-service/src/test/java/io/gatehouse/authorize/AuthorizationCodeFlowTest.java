package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.AuthorizationCodeEntity;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.ConsentEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.AuthorizationCodeRepository;
import io.gatehouse.model.repository.ConsentRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.SessionClientRepository;
import io.gatehouse.model.repository.SessionRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code flow as a browser drives it: login, consent, the code and what is stored with it (RFC 6749 4.1). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AuthorizationCodeFlowTest {

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    GatehouseConfig config;
    @Inject
    AuthorizationCodeRepository codes;
    @Inject
    GrantRepository grants;
    @Inject
    SessionRepository sessions;
    @Inject
    SessionClientRepository sessionClients;
    @Inject
    ConsentRepository consents;

    @Test
    void codeFlowLogsInAsksConsentAndRedirectsWithCodeStateAndIss() {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Map<String, String> req = Flows.request(client, "code", "openid profile");

        Response login = b.follow(b.authorize(req));
        assertTrue(Flows.isLoginPage(login), login.asString());
        Response consent = Flows.login(b, login, user);
        assertTrue(Flows.isConsentPage(consent), consent.asString());
        assertTrue(consent.asString().contains(client.clientName), "the consent page names the client");
        Response callback = Flows.consent(b, consent, "allow");

        assertEquals(302, callback.statusCode());
        assertTrue(callback.header("Location").startsWith("https://rp.example/cb?"), "query mode for code");
        Map<String, String> p = TestBrowser.callback(callback);
        assertEquals(req.get("state"), p.get("state"));
        assertEquals(config.issuer(), p.get("iss"), "RFC 9207 iss");
        String code = p.get("code");
        assertEquals(43, code.length(), "256 random bits, base64url");

        AuthorizationCodeEntity row = QuarkusTransaction.requiringNew().call(() -> codes.findById(Sha256.hash(code)));
        assertNotNull(row, "stored as its hash only");
        assertEquals(client.clientId, row.clientId);
        assertEquals(user.id, row.userId);
        assertEquals("https://rp.example/cb", row.redirectUri);
        assertEquals("openid profile", row.scope);
        assertEquals(req.get("nonce"), row.nonce);
        assertEquals(List.of("pwd"), row.amr);
        assertNotNull(row.sid);
        assertTrue(row.expiresAt.isAfter(row.createdAt) && row.expiresAt.isBefore(row.createdAt.plusSeconds(61)));
        GrantEntity grant = QuarkusTransaction.requiringNew().call(() -> grants.findById(row.grantId));
        assertEquals(user.id, grant.userId);
        assertEquals("openid profile", grant.scope);
        assertEquals(row.sid, grant.sid);
        assertFalse(grant.offline);
        assertNull(grant.claims);
        SessionEntity session = QuarkusTransaction.requiringNew().call(() -> sessions.findById(row.sid));
        assertEquals(user.id, session.userId);
        assertEquals(row.authTime, session.authTime);
        assertTrue(QuarkusTransaction.requiringNew().call(() ->
                sessionClients.count("sid = ?1 and clientId = ?2", row.sid, client.clientId)) == 1, "session_clients row");
        ConsentEntity saved = QuarkusTransaction.requiringNew().call(() -> consents.findById(new ConsentEntity.Key(user.id, client.clientId)));
        assertEquals(List.of("openid", "profile"), saved.scopes);
    }

    @Test
    void sessionCookieIsHttpOnlyLaxRootPathAndSecureOutsideDevMode() {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Flows.run(b, Flows.request(client, "code", "openid"), user);
        Cookie c = b.detailed.get(Sessions.COOKIE);
        assertNotNull(c);
        assertTrue(c.isHttpOnly());
        assertTrue(c.isSecured());
        assertEquals("/", c.getPath());
        assertEquals("Lax", c.getSameSite());
        assertNotEquals(Sha256.hash(c.getValue()), c.getValue());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> sessions.findByCookieHash(Sha256.hash(c.getValue())).isPresent()),
                "only the hash of the cookie is stored");
    }

    @Test
    void secondAuthorizationInTheSessionNeedsNeitherLoginNorConsent() {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Flows.run(b, Flows.request(client, "code", "openid profile"), user);
        Response again = b.follow(b.authorize(Flows.request(client, "code", "openid")));
        assertEquals(302, again.statusCode(), again.asString());
        assertNotNull(TestBrowser.callback(again).get("code"));
    }

    @Test
    void newScopeAsksConsentAgainAndOfflineAccessAlwaysDoes() {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Flows.run(b, Flows.request(client, "code", "openid"), user);
        assertTrue(Flows.isConsentPage(b.follow(b.authorize(Flows.request(client, "code", "openid email")))),
                "a scope not consented before");
        Flows.run(b, Flows.request(client, "code", "openid offline_access"), user);
        Response offline = b.follow(b.authorize(Flows.request(client, "code", "openid offline_access")));
        assertTrue(Flows.isConsentPage(offline), "offline_access always needs consent (OIDC Core 11)");
        Response done = Flows.consent(b, offline, "allow");
        String code = TestBrowser.callback(done).get("code");
        GrantEntity grant = QuarkusTransaction.requiringNew().call(() -> grants.findById(codes.findById(Sha256.hash(code)).grantId));
        assertTrue(grant.offline, "offline_access granted");
    }

    @Test
    void promptConsentAsksAgainEvenWhenConsentIsSaved() {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Flows.run(b, Flows.request(client, "code", "openid"), user);
        Map<String, String> req = Flows.request(client, "code", "openid");
        req.put("prompt", "consent");
        assertTrue(Flows.isConsentPage(b.follow(b.authorize(req))));
    }

    @Test
    void firstPartyClientSkipsConsent() {
        ClientEntity client = fixtures.client(c -> c.firstParty = true);
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Response r = Flows.login(b, b.follow(b.authorize(Flows.request(client, "code", "openid profile"))), user);
        assertEquals(302, r.statusCode(), r.asString());
        assertNotNull(TestBrowser.callback(r).get("code"));
    }

    @Test
    void denyingConsentGivesAccessDeniedToTheClient() {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Map<String, String> req = Flows.request(client, "code", "openid");
        Response consent = Flows.login(b, b.follow(b.authorize(req)), user);
        Map<String, String> p = TestBrowser.callback(Flows.consent(b, consent, "deny"));
        assertEquals("access_denied", p.get("error"));
        assertEquals(req.get("state"), p.get("state"));
        assertEquals(config.issuer(), p.get("iss"));
        assertNull(p.get("code"));
    }

    @Test
    void postedAuthorizationRequestWorksLikeGet() {
        ClientEntity client = fixtures.client(c -> c.firstParty = true);
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Response r = b.follow(b.post("/authorize", Flows.request(client, "code", "openid")));
        assertTrue(Flows.isLoginPage(r), r.asString());
        assertNotNull(TestBrowser.callback(Flows.login(b, r, user)).get("code"));
    }

    @Test
    void sameConsentFormPostedTwiceIssuesOneCode() {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Response consentPage = Flows.login(b, b.follow(b.authorize(Flows.request(client, "code", "openid"))), user);
        TestBrowser.Form form = TestBrowser.form(consentPage).with("decision", "allow");
        Response first = b.submit(form);
        Response second = b.submit(form);
        String code = TestBrowser.callback(first).get("code");
        assertNotNull(code);
        assertEquals(first.header("Location"), second.header("Location"), "the second post answers with the same response");
        long issued = QuarkusTransaction.requiringNew().call(() -> codes.count("clientId", client.clientId));
        assertEquals(1, issued, "one code");
    }

    @Test
    void sameConsentFormPostedTwiceAtOnceIssuesOneCode() throws Exception {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Response consentPage = Flows.login(b, b.follow(b.authorize(Flows.request(client, "code", "openid"))), user);
        TestBrowser.Form form = TestBrowser.form(consentPage).with("decision", "allow");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<String> post = () -> {
                start.await();
                return b.submit(form).header("Location");
            };
            var first = pool.submit(post);
            var second = pool.submit(post);
            start.countDown();
            assertEquals(first.get(), second.get(), "both posts answer with the one response");
        } finally {
            pool.shutdown();
        }
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> codes.count("clientId", client.clientId)));
    }

    @Test
    void sameLoginFormPostedConcurrentlyStartsOneSessionAndAnswersAlike() throws Exception {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Response loginPage = b.follow(b.authorize(Flows.request(client, "code", "openid")));
        TestBrowser.Form form = TestBrowser.form(loginPage).with("username", user.username).with("password", AuthorizeFixtures.PASSWORD);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<String> answers = new java.util.ArrayList<>();
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> posts = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posts.add(pool.submit(() -> {
                    start.await();
                    Response r = b.submit(form);
                    return r.statusCode() + " " + r.header("Location") + " " + r.getCookie(Sessions.COOKIE);
                }));
            }
            start.countDown();
            for (var f : posts) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, answers.stream().distinct().count(), "every post answers alike, one session cookie: " + answers);
        assertTrue(answers.get(0).startsWith("303 "), answers.get(0));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> sessions.count("userId", user.id)), "one session row");
        Response consent = b.follow(b.get(answers.get(0).split(" ")[1]));
        assertTrue(Flows.isConsentPage(consent), "the session every answer named carries on: " + consent.asString());
    }

    @Test
    void consentPostWithWrongCsrfTokenIsRefused() {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Response consentPage = Flows.login(b, b.follow(b.authorize(Flows.request(client, "code", "openid"))), user);
        Response forged = b.submit(TestBrowser.form(consentPage).with("decision", "allow").with("csrf", "forged"));
        assertEquals(403, forged.statusCode());
        assertNull(forged.header("Location"));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> codes.count("clientId", client.clientId)));
    }

    @Test
    void loginPostFromAnotherBrowserIsRefused() {
        ClientEntity client = fixtures.client();
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Response loginPage = b.follow(b.authorize(Flows.request(client, "code", "openid")));
        TestBrowser other = new TestBrowser();
        Response r = other.submit(TestBrowser.form(loginPage).with("username", user.username).with("password", AuthorizeFixtures.PASSWORD));
        assertEquals(400, r.statusCode(), "the pending request is bound to the browser that started it");
        assertNull(r.header("Location"));
    }

    @Test
    void plainOAuthRequestWithoutOpenidGetsACode() {
        ClientEntity client = fixtures.client(c -> {
            c.firstParty = true;
            c.scope = "api.read api.write";
        });
        UserEntity user = fixtures.user();
        Map<String, String> req = Flows.request(client, "code", "api.read");
        req.remove("nonce");
        Response r = Flows.run(new TestBrowser(), req, user);
        assertNotNull(TestBrowser.callback(r).get("code"));
    }

    @Test
    void pkceChallengeIsStoredWithTheCodeForPublicClients() throws Exception {
        ClientEntity client = fixtures.client(c -> {
            c.tokenEndpointAuthMethod = "none";
            c.secretHash = null;
            c.firstParty = true;
        });
        UserEntity user = fixtures.user();
        Map<String, String> req = Flows.request(client, "code", "openid");
        String challenge = Flows.s256("verifier-" + java.util.UUID.randomUUID() + "-0123456789abcdef");
        req.put("code_challenge", challenge);
        req.put("code_challenge_method", "S256");
        String code = TestBrowser.callback(Flows.run(new TestBrowser(), req, user)).get("code");
        AuthorizationCodeEntity row = QuarkusTransaction.requiringNew().call(() -> codes.findById(Sha256.hash(code)));
        assertEquals(challenge, row.codeChallenge);
        assertEquals("S256", row.codeChallengeMethod);
    }

    @Test
    void claimsRequestIsKeptWithTheGrantAndCode() {
        ClientEntity client = fixtures.client(c -> c.firstParty = true);
        UserEntity user = fixtures.user();
        Map<String, String> req = Flows.request(client, "code", "openid");
        req.put("claims", "{\"userinfo\":{\"name\":{\"essential\":true}}}");
        String code = TestBrowser.callback(Flows.run(new TestBrowser(), req, user)).get("code");
        AuthorizationCodeEntity row = QuarkusTransaction.requiringNew().call(() -> codes.findById(Sha256.hash(code)));
        assertEquals(Map.of("userinfo", Map.of("name", Map.of("essential", true))), row.claims);
        GrantEntity grant = QuarkusTransaction.requiringNew().call(() -> grants.findById(row.grantId));
        assertEquals(row.claims, grant.claims);
    }

    @Test
    void missingRedirectUriWithOneRegisteredStoresTheRegisteredOne() {
        ClientEntity client = fixtures.client(c -> c.firstParty = true);
        UserEntity user = fixtures.user();
        Map<String, String> req = Flows.request(client, "code", "openid");
        req.remove("redirect_uri");
        Response r = Flows.run(new TestBrowser(), req, user);
        assertTrue(r.header("Location").startsWith("https://rp.example/cb?"));
        String code = TestBrowser.callback(r).get("code");
        assertEquals("https://rp.example/cb", QuarkusTransaction.requiringNew().call(() -> codes.findById(Sha256.hash(code)).redirectUri));
    }
}
