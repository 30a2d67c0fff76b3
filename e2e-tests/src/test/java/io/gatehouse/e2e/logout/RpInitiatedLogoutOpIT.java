package io.gatehouse.e2e.logout;

import io.gatehouse.e2e.conformance.ConformanceReport;
import io.gatehouse.e2e.conformance.Plan;
import org.junit.jupiter.api.extension.ExtendWith;
import static io.gatehouse.e2e.logout.LogoutFlows.assertPageWithoutRedirect;
import static io.gatehouse.e2e.logout.LogoutFlows.assertPromptNoneFails;
import static io.gatehouse.e2e.logout.LogoutFlows.assertPromptNoneSucceeds;
import static io.gatehouse.e2e.logout.LogoutFlows.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.e2e.rp.RelyingParty;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RP-Initiated OP ({@code oidcc-rp-initiated-logout-certification-test-plan}, CONFORMANCE.md section 7): one test per
 * module, same pass criteria. Modules that end on a reviewed screenshot assert a page at the OP that does not redirect.
 */
@Plan("RP-Initiated OP")
@ExtendWith(ConformanceReport.class)
class RpInitiatedLogoutOpIT {

    static final String LOGGED_OUT = "http://localhost:9090/logged-out";

    static RelyingParty rp() {
        return LogoutFlows.rp("conformance-logout", "conformance-logout-secret-0123456789", "http://localhost:9090/cb-logout");
    }

    static LogoutFlows.SignedIn signIn() {
        return LogoutFlows.signIn(rp());
    }

    @Test
    @DisplayName("oidcc-rp-initiated-logout")
    void rpInitiatedLogout() {
        LogoutFlows.SignedIn in = signIn();
        String state = RelyingParty.random();
        Response r = LogoutFlows.endSession(in, params("id_token_hint", in.idToken(), "post_logout_redirect_uri", LOGGED_OUT,
                "state", state));
        Map<String, String> back = LogoutFlows.postLogoutRedirect(r, LOGGED_OUT);
        assertEquals(Map.of("state", state), back, "CheckPostLogoutState; no other parameters");
        assertPromptNoneFails(in);
    }

    @Test
    @DisplayName("oidcc-rp-initiated-logout-bad-post-logout-redirect-uri")
    void badPostLogoutRedirectUri() {
        LogoutFlows.SignedIn in = signIn();
        Response r = LogoutFlows.endSession(in, params("id_token_hint", in.idToken(),
                "post_logout_redirect_uri", "http://localhost:9090/not-registered", "state", RelyingParty.random()));
        assertPageWithoutRedirect(r);
    }

    @Test
    @DisplayName("oidcc-rp-initiated-logout-modified-id-token-hint")
    void modifiedIdTokenHint() {
        LogoutFlows.SignedIn in = signIn();
        String[] parts = in.idToken().split("\\.");
        String algNone = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        Response r = LogoutFlows.endSession(in, params("id_token_hint", algNone, "post_logout_redirect_uri", LOGGED_OUT,
                "state", RelyingParty.random()));
        assertPageWithoutRedirect(r);
        assertPromptNoneSucceeds(in);
    }

    @Test
    @DisplayName("oidcc-rp-initiated-logout-bad-id-token-hint")
    void badIdTokenHint() throws Exception {
        LogoutFlows.SignedIn in = signIn();
        SignedJWT original = SignedJWT.parse(in.idToken());
        RSAKey suiteKey = new RSAKeyGenerator(2048).keyID("conformance-suite").generate();
        SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(suiteKey.getKeyID()).build(),
                JWTClaimsSet.parse(original.getJWTClaimsSet().toJSONObject()));
        foreign.sign(new RSASSASigner(suiteKey));
        Response r = LogoutFlows.endSession(in, params("id_token_hint", foreign.serialize(), "post_logout_redirect_uri", LOGGED_OUT,
                "state", RelyingParty.random()));
        assertPageWithoutRedirect(r);
        assertPromptNoneSucceeds(in);
    }

    @Test
    @DisplayName("oidcc-rp-initiated-logout-no-id-token-hint")
    void noIdTokenHint() {
        LogoutFlows.SignedIn in = signIn();
        Response r = LogoutFlows.endSession(in, params("post_logout_redirect_uri", LOGGED_OUT, "state", RelyingParty.random()));
        assertPageWithoutRedirect(r);
    }

    @Test
    @DisplayName("oidcc-rp-initiated-logout-no-params")
    void noParams() {
        LogoutFlows.SignedIn in = signIn();
        Response r = LogoutFlows.endSession(in, Map.of());
        Document page = assertPageWithoutRedirect(r);
        assertTrue(LogoutFlows.isLogoutConfirmation(page), "without a hint the user is asked first");
        Document signedOut = assertPageWithoutRedirect(LogoutFlows.confirmLogout(in, r));
        assertTrue(LogoutFlows.isSignedOutPage(signedOut), "a logged-out page");
        assertPromptNoneFails(in);
    }

    @Test
    @DisplayName("oidcc-rp-initiated-logout-no-post-logout-redirect-uri")
    void noPostLogoutRedirectUri() {
        LogoutFlows.SignedIn in = signIn();
        Document page = assertPageWithoutRedirect(LogoutFlows.endSession(in, params("id_token_hint", in.idToken())));
        assertTrue(LogoutFlows.isSignedOutPage(page), "logged out at once (valid hint), a logged-out page");
        assertPromptNoneFails(in);
    }

    @Test
    @DisplayName("oidcc-rp-initiated-logout-no-state")
    void noState() {
        LogoutFlows.SignedIn in = signIn();
        Response r = LogoutFlows.endSession(in, params("id_token_hint", in.idToken(), "post_logout_redirect_uri", LOGGED_OUT));
        assertEquals(Map.of(), LogoutFlows.postLogoutRedirect(r, LOGGED_OUT), "CheckNoPostLogoutState");
        assertPromptNoneFails(in);
    }

    @Test
    @DisplayName("oidcc-rp-initiated-logout-only-state")
    void onlyState() {
        LogoutFlows.SignedIn in = signIn();
        Response r = LogoutFlows.endSession(in, params("state", RelyingParty.random()));
        assertTrue(LogoutFlows.isLogoutConfirmation(assertPageWithoutRedirect(r)));
        assertTrue(LogoutFlows.isSignedOutPage(assertPageWithoutRedirect(LogoutFlows.confirmLogout(in, r))));
        assertPromptNoneFails(in);
    }

    @Test
    @DisplayName("oidcc-rp-initiated-logout-query-added-to-post-logout-redirect-uri")
    void queryAddedToPostLogoutRedirectUri() {
        LogoutFlows.SignedIn in = signIn();
        Response r = LogoutFlows.endSession(in, params("id_token_hint", in.idToken(), "post_logout_redirect_uri", LOGGED_OUT + "?foo=bar",
                "state", RelyingParty.random()));
        assertPageWithoutRedirect(r);
        assertPromptNoneSucceeds(in);
    }

    // ---- beyond the plan: the registered query is kept, and refresh tokens follow the session -----------------

    @Test
    void stateIsAppendedToARegisteredRedirectWithQuery() {
        LogoutFlows.SignedIn in = signIn();
        Response r = LogoutFlows.endSession(in, params("id_token_hint", in.idToken(), "post_logout_redirect_uri",
                LOGGED_OUT + "?from=op", "state", "s1"));
        assertEquals(LOGGED_OUT + "?from=op&state=s1", r.header("Location"));
    }

    @Test
    void refreshTokenWithoutOfflineAccessStopsWithTheSession() {
        LogoutFlows.SignedIn in = signIn();
        String refresh = in.tokens().getString("refresh_token");
        Response before = in.rp().token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertEquals(200, before.statusCode(), before.asString());
        LogoutFlows.postLogoutRedirect(LogoutFlows.endSession(in, params("id_token_hint", in.idToken(),
                "post_logout_redirect_uri", LOGGED_OUT)), LOGGED_OUT);
        Response after = in.rp().token(Map.of("grant_type", "refresh_token", "refresh_token", before.jsonPath().getString("refresh_token")));
        assertEquals(400, after.statusCode());
        assertEquals("invalid_grant", after.jsonPath().getString("error"));
    }

    @Test
    void offlineRefreshTokenOutlivesTheSession() {
        LogoutFlows.SignedIn in = LogoutFlows.signIn(rp(), "openid offline_access", Map.of("prompt", "consent"));
        String refresh = in.tokens().getString("refresh_token");
        LogoutFlows.postLogoutRedirect(LogoutFlows.endSession(in, params("id_token_hint", in.idToken(),
                "post_logout_redirect_uri", LOGGED_OUT)), LOGGED_OUT);
        assertPromptNoneFails(in);
        Response after = in.rp().token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertEquals(200, after.statusCode(), "OIDC Core 11: offline access does not end with the session: " + after.asString());
    }
}
