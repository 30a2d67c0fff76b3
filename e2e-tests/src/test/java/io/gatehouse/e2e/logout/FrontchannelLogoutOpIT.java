package io.gatehouse.e2e.logout;

import io.gatehouse.e2e.conformance.ConformanceReport;
import io.gatehouse.e2e.conformance.Plan;
import org.junit.jupiter.api.extension.ExtendWith;
import static io.gatehouse.e2e.logout.LogoutFlows.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.rp.RelyingParty;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Front-Channel OP ({@code oidcc-frontchannel-rp-initiated-logout-certification-test-plan}, CONFORMANCE.md section 7):
 * after RP-initiated logout the OP's page loads the relying party's frontchannel_logout_uri with iss and sid, then the
 * browser continues to post_logout_redirect_uri with state.
 */
@Plan("Front-Channel OP")
@ExtendWith(ConformanceReport.class)
class FrontchannelLogoutOpIT {

    static final String FRONTCHANNEL = "http://localhost:9090/frontchannel-logout";
    static final String LOGGED_OUT = "http://localhost:9090/logged-out-frontchannel";

    static RelyingParty rp() {
        return LogoutFlows.rp("conformance-frontchannel", "conformance-frontchannel-secret-0123456789",
                "http://localhost:9090/cb-frontchannel");
    }

    static Map<String, String> query(String uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(uri).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    @DisplayName("oidcc-frontchannel-rp-initiated-logout")
    void frontchannelRpInitiatedLogout() {
        LogoutFlows.SignedIn in = LogoutFlows.signIn(rp());
        String state = RelyingParty.random();
        Response r = LogoutFlows.endSession(in, params("id_token_hint", in.idToken(), "post_logout_redirect_uri", LOGGED_OUT,
                "state", state));
        Document page = LogoutFlows.assertPageWithoutRedirect(r);

        Element frame = page.selectFirst("iframe[src^='" + FRONTCHANNEL + "']");
        assertNotNull(frame, "the frontchannel_logout_uri is loaded in an iframe: " + page.html());
        Map<String, String> fc = query(frame.attr("src"));
        assertEquals("conformance", fc.get("rp"), "the registered query is kept");
        assertEquals(RunningSuite.get().issuer(), fc.get("iss"), "ValidateFrontchannelLogoutIss");
        assertEquals(in.sid(), fc.get("sid"), "CheckIdTokenSidMatchesFrontChannelLogoutRequest");
        String csp = r.header("Content-Security-Policy");
        assertTrue(csp.contains("frame-src http://localhost:9090"), "the page policy allows the frame: " + csp);

        Element next = page.selectFirst("a[href^='" + LOGGED_OUT + "']");
        assertNotNull(next, "then on to the post_logout_redirect_uri");
        assertEquals(LOGGED_OUT + "?state=" + state, next.attr("href"), "with the same state");
        assertNotNull(page.selectFirst("script[nonce]"), "followed by the page's script once the frames have loaded");
        LogoutFlows.assertPromptNoneFails(in);
    }
}
