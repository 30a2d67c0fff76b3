package io.gatehouse.e2e.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.RelyingParty;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Form Post OP plans (CONFORMANCE.md section 5): the Basic, Implicit and Hybrid happy paths with
 * response_mode=form_post; the response is an auto-submitting POST form and nothing leaks into the URL query.
 */
@Plan("Form Post OP")
class FormPostOpIT extends ConformanceFlows {

    final RelyingParty rp = basicClient();

    @ParameterizedTest(name = "oidcc-server [{0}]")
    @ValueSource(strings = {"code", "id_token", "id_token token", "code id_token", "code token", "code id_token token"})
    void server(String responseType) {
        Map<String, String> req = rp.request(responseType, "openid");
        req.put("response_mode", "form_post");
        FrontChannel.Result r = FrontChannel.flow(rp, user(new Browser()), req);
        assertEquals(AuthorizationOutcome.Kind.FORM_POST, r.outcome().kind());
        assertFalse(r.outcome().location().contains("code="), "RejectAuthCodeInUrlQuery");
        assertTrue(r.outcome().body().toLowerCase().contains("method=\"post\""), "the callback is an HTTP POST");
        if (r.accessToken() != null) {
            userinfoOk(rp, r.accessToken(), r.sub());
        }
    }

    @ParameterizedTest(name = "oidcc-prompt-none-not-logged-in [{0}]")
    @ValueSource(strings = {"code", "id_token"})
    void errorIsPostedNotInQuery(String responseType) {
        Map<String, String> req = rp.request(responseType, "openid");
        req.put("response_mode", "form_post");
        req.put("prompt", "none");
        AuthorizationOutcome o = authorize(rp, user(new Browser()), req);
        assertEquals(AuthorizationOutcome.Kind.FORM_POST, o.kind(), o.toString());
        assertTrue(UI_REQUIRED.contains(o.param("error")));
        assertFalse(o.location().contains("error="), "RejectErrorInUrlQuery");
    }
}
