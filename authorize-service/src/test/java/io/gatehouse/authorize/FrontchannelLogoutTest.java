package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.keys.SigningKeyStore;
import io.gatehouse.model.repository.SessionRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/**
 * Front-Channel Logout 1.0: after logout the signed-out page loads each relying party's frontchannel_logout_uri in an
 * invisible iframe with iss and sid, under a page policy that allows exactly those origins, then continues to the
 * post-logout redirect.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class FrontchannelLogoutTest {

    static final String BYE = "https://rp.example/bye";

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    SigningKeyStore keys;
    @Inject
    SessionRepository sessions;
    @ConfigProperty(name = "gatehouse.issuer")
    String issuer;

    ClientEntity client(String frontchannelUri) {
        return fixtures.client(c -> {
            c.postLogoutRedirectUris = new ArrayList<>(List.of(BYE));
            c.metadata.put("frontchannel_logout_uri", frontchannelUri);
            c.metadata.put("frontchannel_logout_session_required", true);
        });
    }

    static Map<String, String> query(String uri) {
        return TestBrowser.parse(URI.create(uri).getRawQuery());
    }

    @Test
    void signedOutPageFramesEveryRelyingPartyWithIssAndSidThenContinues() throws Exception {
        ClientEntity plain = client("https://rp-one.example/fc");
        ClientEntity withQuery = client("https://rp-two.example:8443/logout?tenant=7");
        UserEntity user = fixtures.user();
        TestBrowser b = new TestBrowser();
        Logouts.SignedIn in = Logouts.signIn(keys, b, plain, user);
        Logouts.signIn(keys, b, withQuery, user);

        Response r = Logouts.endSession(b, Logouts.params("id_token_hint", in.idToken(), "post_logout_redirect_uri", BYE, "state", "st"));
        assertEquals(200, r.statusCode());
        assertEquals(0, r.getDetailedCookie(Sessions.COOKIE).getMaxAge(), "the session cookie is cleared");
        assertNotNull(Logouts.session(sessions, in.sid()).endedAt);
        Document page = Jsoup.parse(r.asString());
        Elements frames = page.select("iframe");
        assertEquals(2, frames.size());
        List<String> srcs = frames.stream().map(f -> f.attr("src")).sorted().toList();
        assertTrue(srcs.get(0).startsWith("https://rp-one.example/fc?iss="), srcs.get(0));
        assertTrue(srcs.get(1).startsWith("https://rp-two.example:8443/logout?tenant=7&iss="), srcs.get(1));
        for (String src : srcs) {
            Map<String, String> q = query(src);
            assertEquals(issuer, q.get("iss"));
            assertEquals(in.sid(), q.get("sid"), "the sid of the ID token");
        }
        for (Element f : frames) {
            assertTrue(f.hasAttr("hidden"), "invisible");
        }

        String csp = r.header("Content-Security-Policy");
        assertTrue(csp.contains("frame-src https://rp-one.example https://rp-two.example:8443")
                || csp.contains("frame-src https://rp-two.example:8443 https://rp-one.example"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        Element script = page.selectFirst("script");
        assertNotNull(script);
        assertTrue(csp.contains("script-src 'nonce-" + script.attr("nonce") + "'"), "the one script runs by nonce");
        Element next = page.selectFirst("a#continue");
        assertEquals(BYE + "?state=st", next.attr("href"), "a visible Continue link to the post-logout redirect");
        assertEquals("login_required", Logouts.promptNone(b, plain).get("error"));
    }

    @Test
    void withoutRedirectThePageFramesAndStays() throws Exception {
        ClientEntity client = client("https://rp-three.example/fc");
        Logouts.SignedIn in = Logouts.signIn(keys, new TestBrowser(), client, fixtures.user());
        Response r = Logouts.endSession(in.browser(), Logouts.params("id_token_hint", in.idToken()));
        Document page = Jsoup.parse(r.asString());
        assertEquals(1, page.select("iframe").size());
        assertNull(page.selectFirst("script"));
        assertNull(page.selectFirst("a#continue"));
        assertTrue(r.asString().contains("You are signed out"));
        assertTrue(!r.header("Content-Security-Policy").contains("script-src"));
    }

    @Test
    void confirmedLogoutFramesToo() throws Exception {
        ClientEntity client = client("https://rp-four.example/fc");
        Logouts.SignedIn in = Logouts.signIn(keys, new TestBrowser(), client, fixtures.user());
        Response confirm = Logouts.endSession(in.browser(), Logouts.params("client_id", client.clientId, "post_logout_redirect_uri", BYE));
        Response r = Logouts.answerConfirmation(in.browser(), confirm, "logout");
        assertEquals(200, r.statusCode());
        Document page = Jsoup.parse(r.asString());
        assertEquals(in.sid(), query(page.selectFirst("iframe").attr("src")).get("sid"));
        assertEquals(BYE, page.selectFirst("a#continue").attr("href"));
    }

    @Test
    void onlyWebUrisAreFramed() throws Exception {
        ClientEntity client = client("javascript:alert(1)");
        Logouts.SignedIn in = Logouts.signIn(keys, new TestBrowser(), client, fixtures.user());
        Response r = Logouts.endSession(in.browser(), Logouts.params("id_token_hint", in.idToken(), "post_logout_redirect_uri", BYE));
        assertEquals(302, r.statusCode(), "nothing to frame: a plain redirect");
        assertEquals(BYE, r.header("Location"));
    }
}
