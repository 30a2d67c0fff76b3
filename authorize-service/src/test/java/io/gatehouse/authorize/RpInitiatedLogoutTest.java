package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.keys.SigningKeyStore;
import io.gatehouse.model.keys.TokenSigner;
import io.gatehouse.model.repository.SessionRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect RP-Initiated Logout 1.0 at /end-session: the id_token_hint is verified, post_logout_redirect_uri must be
 * registered exactly, a request that does not prove its origin is confirmed by the user, state comes back exactly when
 * sent, and the session ends in PostgreSQL and in the browser.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RpInitiatedLogoutTest {

    static final String BYE = "https://rp.example/bye";
    static final String BYE_WITH_QUERY = "https://rp.example/bye?from=op";

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    SigningKeyStore keys;
    @Inject
    TokenSigner signer;
    @Inject
    SessionRepository sessions;

    ClientEntity client() {
        return fixtures.client(c -> c.postLogoutRedirectUris = new ArrayList<>(List.of(BYE, BYE_WITH_QUERY)));
    }

    Logouts.SignedIn signIn(ClientEntity client) throws Exception {
        return Logouts.signIn(keys, new TestBrowser(), client, fixtures.user());
    }

    void assertSessionEnded(Logouts.SignedIn in, ClientEntity client) {
        assertNotNull(Logouts.session(sessions, in.sid()).endedAt, "sessions.ended_at is set");
        assertEquals("login_required", Logouts.promptNone(in.browser(), client).get("error"), "prompt=none after logout");
    }

    void assertSessionActive(Logouts.SignedIn in, ClientEntity client) {
        assertNull(Logouts.session(sessions, in.sid()).endedAt, "the session has not ended");
        assertNotNull(Logouts.promptNone(in.browser(), client).get("id_token"), "prompt=none still succeeds");
    }

    static void assertNoRedirect(Response r) {
        assertFalse(TestBrowser.isRedirect(r), "no redirect: " + r.statusCode() + " " + r.header("Location"));
        assertNull(r.header("Location"));
        assertTrue(r.contentType().startsWith("text/html"));
    }

    @Test
    void validHintAndRegisteredRedirectLogOutAtOnceAndReturnState() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response r = Logouts.endSession(in.browser(), Logouts.params("id_token_hint", in.idToken(),
                "post_logout_redirect_uri", BYE, "state", "st-123"));
        assertEquals(302, r.statusCode(), r.asString());
        assertEquals(BYE + "?state=st-123", r.header("Location"));
        Cookie cleared = r.getDetailedCookie(Sessions.COOKIE);
        assertNotNull(cleared, "the session cookie is cleared");
        assertEquals(0, cleared.getMaxAge());
        assertTrue(cleared.isHttpOnly());
        assertEquals("no-store", r.header("Cache-Control"));
        assertSessionEnded(in, client);
    }

    @Test
    void stateIsAbsentFromTheRedirectWhenNotSent() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response r = Logouts.endSession(in.browser(), Logouts.params("id_token_hint", in.idToken(), "post_logout_redirect_uri", BYE));
        assertEquals(302, r.statusCode());
        assertEquals(BYE, r.header("Location"), "no state parameter at all");
        assertSessionEnded(in, client);
    }

    @Test
    void stateFollowsTheQueryOfARegisteredRedirectThatHasOne() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response r = Logouts.endSession(in.browser(), Logouts.params("id_token_hint", in.idToken(),
                "post_logout_redirect_uri", BYE_WITH_QUERY, "state", "a b&c"));
        assertEquals(BYE_WITH_QUERY + "&state=a+b%26c", r.header("Location"));
        assertEquals("a b&c", TestBrowser.parse(URI.create(r.header("Location")).getRawQuery()).get("state"));
    }

    @Test
    void expiredButAuthenticHintLogsOut() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Map<String, Object> claims = new LinkedHashMap<>(in.claims().toJSONObject());
        claims.put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
        claims.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
        String expired = signer.sign(claims, "JWT", JwsAlgorithm.RS256);
        Response r = Logouts.endSession(in.browser(), Logouts.params("id_token_hint", expired,
                "post_logout_redirect_uri", BYE, "state", "s"));
        assertEquals(BYE + "?state=s", r.header("Location"), "RP-Initiated Logout 1.0 section 2: an expired hint is fine");
        assertSessionEnded(in, client);
    }

    @Test
    void postWithHintAndCookieLogsOutAtOnce() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response r = in.browser().post("/end-session", Logouts.params("id_token_hint", in.idToken(),
                "post_logout_redirect_uri", BYE, "state", "p"));
        assertEquals(303, r.statusCode());
        assertEquals(BYE + "?state=p", r.header("Location"));
        assertSessionEnded(in, client);
    }

    @Test
    void crossSitePostWithoutTheLaxCookieBecomesAGetThatCarriesIt() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        String cookie = in.browser().cookies.remove(Sessions.COOKIE); // SameSite=Lax: not sent on a cross-site POST
        Response r = in.browser().post("/end-session", Logouts.params("id_token_hint", in.idToken(),
                "post_logout_redirect_uri", BYE, "state", "x y"));
        assertEquals(303, r.statusCode());
        assertNull(Logouts.session(sessions, in.sid()).endedAt, "nothing ended without the browser's session");
        URI next = URI.create(r.header("Location"));
        assertEquals("/end-session", next.getPath());
        in.browser().cookies.put(Sessions.COOKIE, cookie); // sent on the top-level GET navigation
        Response done = in.browser().get(next.getPath() + "?" + next.getRawQuery());
        assertEquals(BYE + "?state=x+y", done.header("Location"));
        assertSessionEnded(in, client);
    }

    // ---- hints that are not Gatehouse's ID tokens: never a redirect -------------------------------------------

    List<String> badHints(Logouts.SignedIn in) throws Exception {
        String[] parts = in.idToken().split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> claims = new LinkedHashMap<>(in.claims().toJSONObject());
        claims.put("sub", "someone-else");
        String tampered = parts[0] + "." + b64.encodeToString(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims)
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String algNone = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        String kid = SignedJWT.parse(in.idToken()).getHeader().getKeyID();
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(kid).generate(); // a key of the attacker's, under Gatehouse's kid
        SignedJWT foreignSigned = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), in.claims());
        foreignSigned.sign(new RSASSASigner(foreign));
        Map<String, Object> otherIssuer = new LinkedHashMap<>(in.claims().toJSONObject());
        otherIssuer.put("iss", "https://other-op.example");
        String anotherIssuer = signer.sign(otherIssuer, "JWT", JwsAlgorithm.RS256);
        String accessToken = signer.sign(in.claims().toJSONObject(), "at+jwt", JwsAlgorithm.RS256);
        return List.of(tampered, algNone, foreignSigned.serialize(), anotherIssuer, accessToken, "not-a-jwt");
    }

    @Test
    void everyBadHintGivesNoRedirectAndNoLogout() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        List<String> names = List.of("tampered", "alg none", "foreign key", "another issuer", "access token", "garbage");
        List<String> hints = badHints(in);
        for (int i = 0; i < hints.size(); i++) {
            Response r = Logouts.endSession(in.browser(), Logouts.params("id_token_hint", hints.get(i),
                    "post_logout_redirect_uri", BYE, "state", "s"));
            assertNoRedirect(r);
            assertEquals(400, r.statusCode(), names.get(i));
            assertTrue(Logouts.isConfirmationPage(r), names.get(i) + ": the signed-in user may still choose to sign out");
            assertTrue(r.asString().contains("id_token_hint"), names.get(i) + ": the page says what was wrong");
            assertFalse(r.asString().contains(BYE), names.get(i) + ": the refused redirect is not carried on");
        }
        assertSessionActive(in, client);
    }

    @Test
    void badHintWithoutASessionIsAnErrorPage() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        for (String hint : badHints(in)) {
            Response r = Logouts.endSession(new TestBrowser(), Logouts.params("id_token_hint", hint, "post_logout_redirect_uri", BYE));
            assertNoRedirect(r);
            assertEquals(400, r.statusCode());
            assertFalse(Logouts.isConfirmationPage(r));
        }
    }

    @Test
    void confirmingAfterABadHintSignsOutWithoutRedirect() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response page = Logouts.endSession(in.browser(), Logouts.params("id_token_hint", badHints(in).get(1),
                "post_logout_redirect_uri", BYE, "state", "s"));
        Response r = Logouts.answerConfirmation(in.browser(), page, "logout");
        assertNoRedirect(r);
        assertTrue(Logouts.isSignedOutPage(r), r.asString());
        assertSessionEnded(in, client);
    }

    // ---- post_logout_redirect_uri: exact match with one registered for the client ---------------------------

    @Test
    void unregisteredOrAlteredRedirectGivesNoRedirect() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        for (String uri : List.of("https://evil.example/bye", BYE + "?foo=bar", BYE + "/", "https://RP.example/bye", BYE_WITH_QUERY + "&x=1")) {
            Response r = Logouts.endSession(in.browser(), Logouts.params("id_token_hint", in.idToken(),
                    "post_logout_redirect_uri", uri, "state", "s"));
            assertNoRedirect(r);
            assertTrue(Logouts.isConfirmationPage(r), uri);
            assertTrue(r.asString().contains("post_logout_redirect_uri"), uri);
        }
        assertSessionActive(in, client);
    }

    @Test
    void redirectOfAnotherClientGivesNoRedirect() throws Exception {
        ClientEntity client = client();
        ClientEntity other = fixtures.client(c -> c.postLogoutRedirectUris = new ArrayList<>(List.of("https://other.example/bye")));
        Logouts.SignedIn in = signIn(client);
        assertNoRedirect(Logouts.endSession(in.browser(), Logouts.params("id_token_hint", in.idToken(),
                "post_logout_redirect_uri", "https://other.example/bye")));
        assertNoRedirect(Logouts.endSession(in.browser(), Logouts.params("id_token_hint", in.idToken(), "client_id", other.clientId,
                "post_logout_redirect_uri", "https://other.example/bye")));
        assertSessionActive(in, client);
    }

    @Test
    void redirectWithoutHintOrClientIdGivesNoRedirect() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response r = Logouts.endSession(in.browser(), Logouts.params("post_logout_redirect_uri", BYE, "state", "s"));
        assertNoRedirect(r);
        assertTrue(Logouts.isConfirmationPage(r));
        Response done = Logouts.answerConfirmation(in.browser(), r, "logout");
        assertNoRedirect(done);
        assertTrue(Logouts.isSignedOutPage(done));
        assertSessionEnded(in, client);
    }

    // ---- no valid hint: the user confirms (no silent cross-site logout) -------------------------------------

    @Test
    void withoutHintTheUserIsAskedOnACsrfProtectedPage() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response page = Logouts.endSession(in.browser(), Logouts.params("client_id", client.clientId,
                "post_logout_redirect_uri", BYE, "state", "st"));
        assertEquals(200, page.statusCode());
        assertTrue(Logouts.isConfirmationPage(page));
        Document doc = Jsoup.parse(page.asString());
        assertEquals("post", doc.selectFirst("form").attr("method"));
        assertNotNull(doc.selectFirst("button[name=action][value=logout]"), "a Sign out button");
        assertNotNull(doc.selectFirst("button[name=action][value=cancel]"), "a Stay signed in button");
        assertFalse(doc.selectFirst("input[name=csrf]").attr("value").isEmpty(), "a CSRF token");
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertSessionActive(in, client);

        Response r = Logouts.answerConfirmation(in.browser(), page, "logout");
        assertEquals(303, r.statusCode());
        assertEquals(BYE + "?state=st", r.header("Location"));
        assertEquals(0, r.getDetailedCookie(Sessions.COOKIE).getMaxAge());
        assertSessionEnded(in, client);
    }

    @Test
    void confirmationWithoutStateRedirectsWithoutState() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response page = Logouts.endSession(in.browser(), Logouts.params("client_id", client.clientId, "post_logout_redirect_uri", BYE));
        assertEquals(BYE, Logouts.answerConfirmation(in.browser(), page, "logout").header("Location"));
    }

    @Test
    void stayingSignedInKeepsTheSession() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response page = Logouts.endSession(in.browser(), Map.of());
        Response r = Logouts.answerConfirmation(in.browser(), page, "cancel");
        assertNoRedirect(r);
        assertTrue(r.asString().contains("You are still signed in"));
        assertSessionActive(in, client);
    }

    @Test
    void confirmationWithAForgedCsrfTokenIsRefused() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response page = Logouts.endSession(in.browser(), Map.of());
        TestBrowser.Form form = TestBrowser.form(page).with("action", "logout").with("csrf", "forged");
        Response r = in.browser().submit(form);
        assertEquals(403, r.statusCode());
        assertNoRedirect(r);
        Map<String, String> noToken = new LinkedHashMap<>(TestBrowser.form(page).fields());
        noToken.remove("csrf");
        noToken.put("action", "logout");
        assertEquals(403, in.browser().post("/end-session/confirm", noToken).statusCode());
        assertSessionActive(in, client);
    }

    @Test
    void confirmationCannotBeSteeredToAnUnregisteredRedirect() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response page = Logouts.endSession(in.browser(), Logouts.params("client_id", client.clientId, "post_logout_redirect_uri", BYE));
        TestBrowser.Form form = TestBrowser.form(page).with("action", "logout").with("post_logout_redirect_uri", "https://evil.example/");
        Response r = in.browser().submit(form);
        assertNoRedirect(r);
        assertTrue(Logouts.isSignedOutPage(r));
        assertSessionEnded(in, client);
    }

    @Test
    void hintOfAnotherSessionIsConfirmedFirst() throws Exception {
        ClientEntity client = client();
        UserEntity user = fixtures.user();
        Logouts.SignedIn first = Logouts.signIn(keys, new TestBrowser(), client, user);
        Logouts.SignedIn second = Logouts.signIn(keys, new TestBrowser(), client, user);
        Response r = Logouts.endSession(second.browser(), Logouts.params("id_token_hint", first.idToken(),
                "post_logout_redirect_uri", BYE, "state", "s"));
        assertNoRedirect(r);
        assertTrue(Logouts.isConfirmationPage(r), "the hint does not belong to this browser's session");
        assertSessionActive(first, client);
        assertSessionActive(second, client);
        assertEquals(BYE + "?state=s", Logouts.answerConfirmation(second.browser(), r, "logout").header("Location"));
        assertSessionEnded(second, client);
        assertSessionActive(first, client);
    }

    @Test
    void noParametersAndNoSessionShowTheSignedOutPage() {
        Response r = Logouts.endSession(new TestBrowser(), Map.of());
        assertNoRedirect(r);
        assertTrue(Logouts.isSignedOutPage(r), r.asString());
    }

    @Test
    void onlyStateAsksThenShowsTheSignedOutPage() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response page = Logouts.endSession(in.browser(), Logouts.params("state", "only"));
        assertTrue(Logouts.isConfirmationPage(page));
        Response r = Logouts.answerConfirmation(in.browser(), page, "logout");
        assertNoRedirect(r);
        assertTrue(Logouts.isSignedOutPage(r));
        assertFalse(r.asString().contains("only"));
        assertSessionEnded(in, client);
    }

    @Test
    void hintWithoutRedirectShowsTheSignedOutPage() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response r = Logouts.endSession(in.browser(), Logouts.params("id_token_hint", in.idToken()));
        assertNoRedirect(r);
        assertTrue(Logouts.isSignedOutPage(r));
        assertEquals(0, r.getDetailedCookie(Sessions.COOKIE).getMaxAge());
        assertSessionEnded(in, client);
    }

    @Test
    void repeatedParameterIsAnErrorPage() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response r = in.browser().get("/end-session?state=a&state=b");
        assertEquals(400, r.statusCode());
        assertNoRedirect(r);
        assertSessionActive(in, client);
    }

    @Test
    void uiLocalesChoosesThePageLanguage() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response page = Logouts.endSession(in.browser(), Logouts.params("ui_locales", "fr de"));
        assertTrue(page.asString().contains("lang=\"de\""));
        assertTrue(page.asString().contains("Angemeldet bleiben"));
        Response r = Logouts.answerConfirmation(in.browser(), page, "logout");
        assertTrue(r.asString().contains("Sie sind abgemeldet"), "the language is kept on the next page");
    }

    @Test
    void requestValuesAreEscapedOnTheConfirmationPage() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        String state = "\"><script>alert(1)</script>";
        Response page = Logouts.endSession(in.browser(), Logouts.params("client_id", client.clientId,
                "post_logout_redirect_uri", BYE, "state", state));
        assertFalse(page.asString().contains("<script>alert(1)"), "no markup from the request");
        assertEquals(state, TestBrowser.form(page).fields().get("state"), "the value itself survives the round trip");
        Response r = Logouts.answerConfirmation(in.browser(), page, "logout");
        assertEquals(state, TestBrowser.parse(URI.create(r.header("Location")).getRawQuery()).get("state"));
    }

    @Test
    void logoutHintIsAccepted() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Response r = Logouts.endSession(in.browser(), Logouts.params("id_token_hint", in.idToken(), "logout_hint", "someone",
                "post_logout_redirect_uri", BYE));
        assertEquals(BYE, r.header("Location"));
    }

    @Test
    void anotherUsersLoginInTheBrowserEndsThePreviousSession() throws Exception {
        ClientEntity client = client();
        Logouts.SignedIn in = signIn(client);
        Map<String, String> req = Flows.request(client, "id_token", "openid");
        req.put("prompt", "login");
        Response loginPage = in.browser().follow(in.browser().authorize(req));
        Response r = Flows.login(in.browser(), loginPage, fixtures.user());
        if (Flows.isConsentPage(r)) {
            r = Flows.consent(in.browser(), r, "allow");
        }
        assertNotNull(TestBrowser.callback(r).get("id_token"));
        assertNotNull(Logouts.session(sessions, in.sid()).endedAt, "the first user's session ended");
    }
}
