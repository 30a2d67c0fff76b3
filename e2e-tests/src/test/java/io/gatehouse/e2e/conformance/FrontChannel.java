package io.gatehouse.e2e.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.CodeHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.RelyingParty;
import io.gatehouse.e2e.rp.UserAgentDriver;
import java.util.List;
import java.util.Map;

/**
 * Implicit and hybrid responses (OIDC Core 3.2, 3.3): tokens in the fragment (or a form post), at_hash and
 * c_hash checked with the independent library's hash computation, and the back-channel ID token's sub equal
 * to the front-channel one.
 */
final class FrontChannel {

    /** What came back: the outcome, the front-channel ID token (if any) and the tokens from the code (if any). */
    record Result(AuthorizationOutcome outcome, IDTokenClaimsSet frontIdToken, String accessToken, String sub,
                  ConformanceFlows.FlowResult backChannel) {
    }

    private FrontChannel() {
    }

    static Result flow(RelyingParty rp, UserAgentDriver driver, Map<String, String> request) {
        AuthorizationOutcome outcome = ConformanceFlows.authorize(rp, driver, request);
        ConformanceFlows.assertSuccessfulCallback(rp, request, outcome);
        List<String> types = List.of(request.get("response_type").split(" "));
        String mode = request.get("response_mode");
        if ("form_post".equals(mode)) {
            assertEquals(AuthorizationOutcome.Kind.FORM_POST, outcome.kind(), "form_post response mode");
        } else if (types.contains("id_token") || types.contains("token")) {
            assertEquals(AuthorizationOutcome.Kind.FRAGMENT, outcome.kind(), "tokens are returned in the fragment (OIDC Core 3.2.2.5)");
        } else {
            assertEquals(AuthorizationOutcome.Kind.QUERY, outcome.kind());
        }
        IDTokenClaimsSet front = null;
        String sub = null;
        String accessToken = outcome.param("access_token");
        if (types.contains("token")) {
            assertNotNull(accessToken, "access_token in the authorization response");
            assertEquals("bearer", String.valueOf(outcome.param("token_type")).toLowerCase());
        } else {
            assertNull(accessToken, "no access token unless response_type has token");
        }
        if (types.contains("id_token")) {
            String idToken = outcome.param("id_token");
            assertNotNull(idToken, "id_token in the authorization response");
            front = rp.validateIdToken(idToken, request.get("nonce"));
            sub = front.getSubject().getValue();
            if (accessToken != null) {
                // OIDC Core 3.2.2.10 / 3.3.2.11: at_hash is required with an access token from this endpoint.
                assertNotNull(front.getAccessTokenHash(), "at_hash");
                assertEquals(AccessTokenHash.compute(new BearerAccessToken(accessToken), JWSAlgorithm.RS256), front.getAccessTokenHash());
            }
            if (types.contains("code")) {
                assertNotNull(front.getCodeHash(), "c_hash (OIDC Core 3.3.2.11)");
                assertEquals(CodeHash.compute(new AuthorizationCode(outcome.param("code")), JWSAlgorithm.RS256), front.getCodeHash());
            }
        }
        ConformanceFlows.FlowResult back = null;
        if (types.contains("code")) {
            assertNotNull(outcome.param("code"));
            back = ConformanceFlows.tokens(rp, request, outcome, rp.redeem(outcome.param("code")), driver);
            if (sub != null) {
                assertEquals(sub, back.idToken().getSubject().getValue(), "sub consistent across front and back channel");
            }
            sub = back.idToken().getSubject().getValue();
        }
        return new Result(outcome, front, accessToken != null ? accessToken : back == null ? null : back.accessToken(), sub, back);
    }
}
