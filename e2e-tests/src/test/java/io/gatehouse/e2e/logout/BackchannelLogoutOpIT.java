package io.gatehouse.e2e.logout;

import io.gatehouse.e2e.conformance.ConformanceReport;
import io.gatehouse.e2e.conformance.Plan;
import org.junit.jupiter.api.extension.ExtendWith;
import static io.gatehouse.e2e.logout.LogoutFlows.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.e2e.RunningSuite;
import io.gatehouse.e2e.rp.RelyingParty;
import io.restassured.response.Response;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Back-Channel OP ({@code oidcc-backchannel-rp-initiated-logout-certification-test-plan}, CONFORMANCE.md section 7):
 * the OP POSTs a logout token to the relying party's backchannel_logout_uri, here a receiver in this JVM on
 * 127.0.0.1:18590 (the port registered in e2e-bootstrap.yaml). The token is validated with Nimbus's
 * {@code LogoutTokenValidator} (an independent implementation of Back-Channel Logout 1.0 section 2.6) against the JWKS
 * from discovery.
 */
@Plan("Back-Channel OP")
@ExtendWith(ConformanceReport.class)
class BackchannelLogoutOpIT {

    static final int RECEIVER_PORT = 18590;
    static final String LOGGED_OUT = "http://localhost:9090/logged-out-backchannel";
    static final LinkedBlockingQueue<String> TOKENS = new LinkedBlockingQueue<>();
    static HttpServer receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", RECEIVER_PORT), 0);
        receiver.createContext("/backchannel-logout", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean form = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/x-www-form-urlencoded");
            if ("POST".equals(exchange.getRequestMethod()) && form && body.startsWith("logout_token=")) {
                TOKENS.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
                exchange.getResponseHeaders().add("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(400, -1);
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    static RelyingParty rp() {
        return LogoutFlows.rp("conformance-backchannel", "conformance-backchannel-secret-0123456789", "http://localhost:9090/cb-backchannel");
    }

    @Test
    @DisplayName("oidcc-backchannel-rp-initiated-logout")
    void backchannelRpInitiatedLogout() throws Exception {
        RelyingParty rp = rp();
        LogoutFlows.SignedIn in = LogoutFlows.signIn(rp);
        String state = RelyingParty.random();
        Response r = LogoutFlows.endSession(in, params("id_token_hint", in.idToken(), "post_logout_redirect_uri", LOGGED_OUT,
                "state", state));
        assertEquals(Map.of("state", state), LogoutFlows.postLogoutRedirect(r, LOGGED_OUT), "redirect with state");

        String token = TOKENS.poll(60, TimeUnit.SECONDS);
        assertNotNull(token, "a logout token was POSTed to the backchannel_logout_uri");
        var jwks = JWKSourceBuilder.<SecurityContext>create(new URL(rp.endpoint("jwks_uri"))).cache(false).rateLimited(false).refreshAheadCache(false).build();
        LogoutTokenValidator validator = new LogoutTokenValidator(new Issuer(RunningSuite.get().issuer()), new ClientID(rp.clientId),
                true, new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, jwks), null);
        SignedJWT jwt = SignedJWT.parse(token);
        LogoutTokenClaimsSet claims = validator.validate(jwt); // signature, typ logout+jwt, iss, aud, iat, jti, events, no nonce
        assertEquals("logout+jwt", jwt.getHeader().getType().getType());
        assertEquals(in.claims().getSubject(), claims.getSubject(), "sub of the ID token");
        assertEquals(in.sid(), claims.getSessionID().getValue(), "sid of the ID token");
        assertEquals(List.of(rp.clientId), jwt.getJWTClaimsSet().getAudience());
        assertNotNull(jwt.getJWTClaimsSet().getJWTID());
        assertNotNull(jwt.getJWTClaimsSet().getExpirationTime());
        assertTrue(jwt.getJWTClaimsSet().getJSONObjectClaim("events").containsKey("http://schemas.openid.net/event/backchannel-logout"));
        assertFalse(jwt.getJWTClaimsSet().getClaims().containsKey("nonce"), "OIDCBCL-2.4: no nonce");

        LogoutFlows.assertPromptNoneFails(in);
        assertEquals(null, TOKENS.poll(2, TimeUnit.SECONDS), "one logout token per relying party and session");
    }
}
