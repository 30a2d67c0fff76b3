package io.gatehouse.e2e.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.rp.AuthorizationOutcome;
import io.gatehouse.e2e.rp.Browser;
import io.gatehouse.e2e.rp.UserAgentDriver;
import io.restassured.response.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Issue 21.3: a relying party nobody here wrote. Every protocol step is the Nimbus OAuth 2.0 / OpenID Connect SDK's
 * own (discovery from the issuer, the authentication request with PKCE, the response parser, the token, refresh and
 * userinfo requests, the logout request) and the ID tokens pass its {@link IDTokenValidator} with its defaults
 * (remote JWK set from jwks_uri, issuer, audience, expiry, nonce). The test only plays the user at the browser.
 */
class StockRelyingPartyIT {

    private static final ClientID CLIENT = new ClientID("demo-rp");
    private static final Secret SECRET = new Secret("demo-rp-secret-local-only");
    private static final URI CALLBACK = URI.create("http://localhost:9090/callback");
    private static final URI AFTER_LOGOUT = URI.create("http://localhost:9090/");

    @Test
    void signInRefreshUserinfoAndLogOutWithTheLibrarysDefaults() throws Exception {
        OIDCProviderMetadata op = OIDCProviderMetadata.resolve(new Issuer(RunningSuite.get().issuer()));
        IDTokenValidator validator = new IDTokenValidator(op.getIssuer(), CLIENT, JWSAlgorithm.RS256, op.getJWKSetURI().toURL());

        // Sign in: authorization code with PKCE, state and nonce, as the library builds it.
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"),
                new Scope("openid", "profile", "email", "offline_access"), CLIENT, CALLBACK)
                .endpointURI(op.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).prompt(new Prompt(Prompt.Type.CONSENT)).build();
        Browser browser = new Browser();
        AuthorizationOutcome outcome = new UserAgentDriver(browser, "alice", "alice-password-local-only")
                .authorize(op.getAuthorizationEndpointURI().toString(), single(request.toParameters()), CALLBACK.toString());
        assertTrue(outcome.isCallback(), outcome.toString());
        AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(outcome.location()));
        assertTrue(response.indicatesSuccess(), outcome.toString());
        AuthenticationSuccessResponse success = response.toSuccessResponse();
        assertEquals(state, success.getState());
        assertEquals(op.getIssuer(), success.getIssuer(), "RFC 9207 iss in the response");
        AuthorizationCode code = success.getAuthorizationCode();

        OIDCTokenResponse tokens = redeem(new TokenRequest(op.getTokenEndpointURI(), new ClientSecretBasic(CLIENT, SECRET),
                new AuthorizationCodeGrant(code, CALLBACK, verifier)));
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        IDTokenClaimsSet claims = validator.validate(idToken, nonce);
        assertNotNull(claims.getSubject());
        RefreshToken refresh = tokens.getOIDCTokens().getRefreshToken();
        assertNotNull(refresh, "offline_access with consent gives a refresh token");

        // Userinfo with the access token: the same subject, the profile and email claims.
        UserInfo info = userinfo(op, tokens);
        assertEquals(claims.getSubject(), info.getSubject());
        assertEquals("alice@example.com", info.getEmailAddress());

        // Refresh: new tokens, a new ID token that validates (no nonce), the same subject, a rotated refresh token.
        OIDCTokenResponse refreshed = redeem(new TokenRequest(op.getTokenEndpointURI(), new ClientSecretBasic(CLIENT, SECRET),
                new RefreshTokenGrant(refresh)));
        IDTokenClaimsSet again = validator.validate(refreshed.getOIDCTokens().getIDToken(), null);
        assertEquals(claims.getSubject(), again.getSubject());
        assertFalse(refresh.equals(refreshed.getOIDCTokens().getRefreshToken()), "rotated (RFC 9700 4.14.2)");
        assertEquals(claims.getSubject(), userinfo(op, refreshed).getSubject());

        // Log out (RP-Initiated Logout 1.0): the library's request; back at the RP with the state.
        State logoutState = new State();
        URI logout = new LogoutRequest(op.getEndSessionEndpointURI(), idToken, AFTER_LOGOUT, logoutState).toURI();
        Response page = browser.get(logout.toString());
        // With a valid id_token_hint the OP may end the session at once; otherwise it asks the user first.
        Response done = page.statusCode() == 200 ? confirm(browser, page, op.getEndSessionEndpointURI()) : page;
        assertEquals(302, done.statusCode(), done.asString());
        URI back = URI.create(done.header("Location"));
        assertEquals(AFTER_LOGOUT.getPath(), back.getPath());
        assertTrue(back.getQuery().contains("state=" + logoutState.getValue()), back.toString());

        // The session is over: prompt=none now gets login_required, parsed by the library.
        AuthenticationRequest silent = new AuthenticationRequest.Builder(new ResponseType("code"), new Scope("openid"),
                CLIENT, CALLBACK).endpointURI(op.getAuthorizationEndpointURI()).state(new State()).nonce(new Nonce())
                .prompt(new Prompt(Prompt.Type.NONE)).build();
        Response noSession = browser.get(silent.toURI().toString());
        AuthenticationResponse error = AuthenticationResponseParser.parse(URI.create(noSession.header("Location")));
        assertFalse(error.indicatesSuccess());
        assertEquals("login_required", ((AuthenticationErrorResponse) error).getErrorObject().getCode());

        // The code works once (RFC 6749 4.1.2); its replay also revokes what it gave (RFC 9700 4.2.1 recommends it).
        assertFalse(OIDCTokenResponseParser.parse(new TokenRequest(op.getTokenEndpointURI(), new ClientSecretBasic(CLIENT, SECRET),
                new AuthorizationCodeGrant(code, CALLBACK, verifier)).toHTTPRequest().send()).indicatesSuccess());
        assertFalse(UserInfoResponse.parse(new UserInfoRequest(op.getUserInfoEndpointURI(),
                refreshed.getOIDCTokens().getBearerAccessToken()).toHTTPRequest().send()).indicatesSuccess());
    }

    private static OIDCTokenResponse redeem(TokenRequest request) throws Exception {
        var answer = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
        assertTrue(answer.indicatesSuccess(), () -> answer.toErrorResponse().getErrorObject().toJSONObject().toString());
        return (OIDCTokenResponse) answer.toSuccessResponse();
    }

    private static UserInfo userinfo(OIDCProviderMetadata op, OIDCTokenResponse tokens) throws Exception {
        UserInfoResponse answer = UserInfoResponse.parse(new UserInfoRequest(op.getUserInfoEndpointURI(),
                tokens.getOIDCTokens().getBearerAccessToken()).toHTTPRequest().send());
        assertTrue(answer.indicatesSuccess(), () -> answer.toErrorResponse().getErrorObject().toJSONObject().toString());
        return answer.toSuccessResponse().getUserInfo();
    }

    /** The user presses the sign-out button of the confirmation page (a form posted back to the OP). */
    private static Response confirm(Browser browser, Response page, URI endSession) {
        Document doc = Jsoup.parse(page.asString(), endSession.toString());
        Element form = doc.selectFirst("form");
        assertNotNull(form, "a confirmation page: " + page.asString());
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden][name]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        Element button = form.selectFirst("button[name]");
        if (button != null) {
            fields.put(button.attr("name"), button.attr("value"));
        }
        return browser.post(form.absUrl("action"), fields);
    }

    private static Map<String, String> single(Map<String, List<String>> parameters) {
        Map<String, String> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> out.put(k, v.get(0)));
        return out;
    }
}
