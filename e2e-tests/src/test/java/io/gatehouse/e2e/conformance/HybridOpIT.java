package io.gatehouse.e2e.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hybrid OP plan (CONFORMANCE.md section 4), for code id_token, code token and code id_token token. */
@Plan("Hybrid OP")
class HybridOpIT extends ConformanceFlows {

    final RelyingParty rp = basicClient();

    @ParameterizedTest(name = "oidcc-server [{0}]")
    @ValueSource(strings = {"code id_token", "code token", "code id_token token"})
    void server(String responseType) {
        FrontChannel.Result r = FrontChannel.flow(rp, user(new Browser()), rp.request(responseType, "openid"));
        userinfoOk(rp, r.backChannel().accessToken(), r.sub());
    }

    @ParameterizedTest(name = "oidcc-ensure-request-without-nonce-fails [{0}]")
    @ValueSource(strings = {"code id_token", "code id_token token"})
    void withoutNonceFails(String responseType) {
        Map<String, String> req = rp.request(responseType, "openid");
        req.remove("nonce");
        AuthorizationOutcome o = authorize(rp, user(new Browser()), req);
        if (o.isCallback()) {
            assertEquals("invalid_request", o.param("error"), o.toString());
        } else {
            assertErrorPageWithoutRedirect(o);
        }
    }

    @ParameterizedTest(name = "oidcc-ensure-request-without-nonce-succeeds-for-code-flow [{0}]")
    @ValueSource(strings = {"code token"})
    void withoutNonceSucceeds(String responseType) {
        Map<String, String> req = rp.request(responseType, "openid");
        req.remove("nonce");
        FrontChannel.flow(rp, user(new Browser()), req);
    }

    @ParameterizedTest(name = "oidcc-codereuse [{0}]")
    @ValueSource(strings = {"code id_token", "code token", "code id_token token"})
    void codeReuse(String responseType) {
        FrontChannel.Result r = FrontChannel.flow(rp, user(new Browser()), rp.request(responseType, "openid"));
        BasicOpIT.assertInvalidGrant(rp.redeem(r.outcome().param("code")));
    }

    @ParameterizedTest(name = "oidcc-refresh-token [{0}]")
    @ValueSource(strings = {"code id_token", "code token", "code id_token token"})
    void refreshToken(String responseType) {
        Map<String, String> req = rp.request(responseType, "openid offline_access");
        req.put("prompt", "consent");
        FrontChannel.Result r = FrontChannel.flow(rp, user(new Browser()), req);
        String refresh = r.backChannel().tokens().getString("refresh_token");
        assertNotNull(refresh, "refresh token with offline_access");
        assertEquals(200, rp.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh)).statusCode());
    }

    @ParameterizedTest(name = "oidcc-ensure-request-with-valid-pkce-succeeds [{0}]")
    @ValueSource(strings = {"code id_token"})
    void validPkce(String responseType) {
        String verifier = RelyingParty.random() + RelyingParty.random();
        Map<String, String> req = rp.request(responseType, "openid");
        req.put("code_challenge", RelyingParty.s256(verifier));
        req.put("code_challenge_method", "S256");
        AuthorizationOutcome o = authorize(rp, user(new Browser()), req);
        assertSuccessfulCallback(rp, req, o);
        assertEquals(200, rp.token(Map.of("grant_type", "authorization_code", "code", o.param("code"),
                "redirect_uri", rp.redirectUri, "code_verifier", verifier)).statusCode());
    }
}
