package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.LogoutDeliveryEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.keys.SigningKeyStore;
import io.gatehouse.model.logout.BackchannelDeliveryWorker;
import io.gatehouse.model.logout.LogoutConfig;
import io.gatehouse.model.logout.LogoutTokenClaims;
import io.gatehouse.model.logout.SessionTermination;
import io.gatehouse.model.repository.LogoutDeliveryRepository;
import io.gatehouse.model.repository.SessionRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Back-Channel Logout 1.0 from the logout side: ending a session (RP-initiated, by an operator) queues one logout token
 * per relying party of the session in the same transaction, and authorize-service's own worker delivers it; the token
 * is checked with an independent JOSE library against the published keys.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BackchannelLogoutTest {

    static final String BYE = "https://rp.example/bye";

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    SigningKeyStore keys;
    @Inject
    LogoutConfig logoutConfig;
    @Inject
    BackchannelDeliveryWorker worker;
    @Inject
    LogoutDeliveryRepository deliveries;
    @Inject
    SessionTermination termination;
    @Inject
    SessionRepository sessions;
    @ConfigProperty(name = "gatehouse.issuer")
    String issuer;

    ClientEntity client(LogoutReceiver receiver) {
        return fixtures.client(c -> {
            c.postLogoutRedirectUris = new ArrayList<>(List.of(BYE));
            c.metadata.put("backchannel_logout_uri", receiver.uri());
            c.metadata.put("backchannel_logout_session_required", true);
        });
    }

    List<LogoutDeliveryEntity> rows(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.list("clientId", clientId));
    }

    /** The logout token as a relying party validates it (Back-Channel Logout 1.0 section 2.6), with Nimbus. */
    JWTClaimsSet validLogoutToken(String token, ClientEntity client, Logouts.SignedIn in) throws Exception {
        JWTClaimsSet claims = Flows.verifyIdToken(keys, token); // signature against the JWKS of SigningKeyStore.published()
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals("logout+jwt", jwt.getHeader().getType().getType(), "typ (section 2.4)");
        assertEquals(issuer, claims.getIssuer());
        assertEquals(List.of(client.clientId), claims.getAudience());
        assertNotNull(claims.getIssueTime());
        assertNotNull(claims.getExpirationTime());
        assertTrue(claims.getExpirationTime().after(claims.getIssueTime()));
        assertNotNull(claims.getJWTID());
        assertEquals(Map.of(LogoutTokenClaims.EVENT, Map.of()), claims.getJSONObjectClaim("events"));
        assertFalse(claims.getClaims().containsKey("nonce"), "a logout token never carries a nonce (section 2.4)");
        assertEquals(in.sid(), claims.getStringClaim("sid"), "sid of the ID token");
        assertEquals(in.claims().getSubject(), claims.getSubject(), "sub of the ID token");
        return claims;
    }

    @Test
    void theWorkerRunsInAuthorizeService() {
        assertTrue(logoutConfig.deliveryEnabled(), "gatehouse.logout.delivery-enabled=true in application.properties");
    }

    @Test
    void rpInitiatedLogoutDeliversOneValidLogoutTokenToAReceiverThatFailsTwice() throws Exception {
        try (LogoutReceiver receiver = new LogoutReceiver(2, false)) {
            ClientEntity client = client(receiver);
            Logouts.SignedIn in = Logouts.signIn(keys, new TestBrowser(), client, fixtures.user());
            Response r = Logouts.endSession(in.browser(), Logouts.params("id_token_hint", in.idToken(),
                    "post_logout_redirect_uri", BYE, "state", "s"));
            assertEquals(302, r.statusCode());

            List<String> accepted = receiver.awaitAccepted(1); // sent by the scheduled worker, not by this test
            assertEquals(1, accepted.size(), "delivered after two failures");
            worker.deliverDue(); // nothing is left to send
            assertEquals(1, receiver.accepted().size(), "exactly one accepted delivery");
            assertEquals(3, receiver.calls(), "two failures, one success, nothing more");
            assertTrue(receiver.contentTypes().get(0).startsWith("application/x-www-form-urlencoded"));
            validLogoutToken(accepted.get(0), client, in);

            List<LogoutDeliveryEntity> rows = rows(client.clientId);
            assertEquals(1, rows.size());
            assertNotNull(rows.get(0).deliveredAt);
            assertEquals(3, rows.get(0).attempts);
        }
    }

    @Test
    void theLogoutPageDoesNotWaitForTheReceiver() throws Exception {
        try (LogoutReceiver receiver = new LogoutReceiver(0, true)) {
            ClientEntity client = client(receiver);
            Logouts.SignedIn in = Logouts.signIn(keys, new TestBrowser(), client, fixtures.user());
            Response r = Logouts.endSession(in.browser(), Logouts.params("id_token_hint", in.idToken(), "post_logout_redirect_uri", BYE));
            assertEquals(BYE, r.header("Location"));
            assertEquals(0, receiver.calls(), "the receiver has not answered yet, the user already has the answer");
            assertEquals(1, rows(client.clientId).size(), "the notice was queued with the logout");
            receiver.release();
            assertEquals(1, receiver.awaitAccepted(1).size());
            validLogoutToken(receiver.accepted().get(0), client, in);
        }
    }

    @Test
    void everyRelyingPartyOfTheSessionIsNotifiedOnce() throws Exception {
        try (LogoutReceiver first = new LogoutReceiver(0, false); LogoutReceiver second = new LogoutReceiver(0, false)) {
            ClientEntity a = client(first);
            ClientEntity b = client(second);
            ClientEntity silent = fixtures.client(); // no back-channel URI
            UserEntity user = fixtures.user();
            TestBrowser browser = new TestBrowser();
            Logouts.SignedIn inA = Logouts.signIn(keys, browser, a, user);
            Logouts.SignedIn inB = Logouts.signIn(keys, browser, b, user);
            Logouts.signIn(keys, browser, silent, user);
            assertEquals(inA.sid(), inB.sid(), "one SSO session");
            Response r = Logouts.endSession(browser, Logouts.params("id_token_hint", inA.idToken()));
            assertTrue(Logouts.isSignedOutPage(r));
            validLogoutToken(first.awaitAccepted(1).get(0), a, inA);
            validLogoutToken(second.awaitAccepted(1).get(0), b, inB);
            assertEquals(0, rows(silent.clientId).size());
            worker.deliverDue();
            assertEquals(1, first.calls());
            assertEquals(1, second.calls());
        }
    }

    @Test
    void operatorTerminationEndsTheSessionAndNotifiesExactlyOnce() throws Exception {
        try (LogoutReceiver receiver = new LogoutReceiver(0, false)) {
            ClientEntity client = client(receiver);
            Logouts.SignedIn in = Logouts.signIn(keys, new TestBrowser(), client, fixtures.user());
            assertTrue(QuarkusTransaction.requiringNew().call(() -> termination.end(in.sid(), SessionTermination.Reason.ADMIN)).isPresent());
            assertTrue(QuarkusTransaction.requiringNew().call(() -> termination.end(in.sid(), SessionTermination.Reason.ADMIN)).isEmpty(),
                    "a session ends once");
            assertEquals(1, rows(client.clientId).size());
            assertEquals("login_required", Logouts.promptNone(in.browser(), client).get("error"));
            validLogoutToken(receiver.awaitAccepted(1).get(0), client, in);
        }
    }

    @Test
    void aFailedTransactionQueuesNothing() throws Exception {
        try (LogoutReceiver receiver = new LogoutReceiver(0, false)) {
            ClientEntity client = client(receiver);
            Logouts.SignedIn in = Logouts.signIn(keys, new TestBrowser(), client, fixtures.user());
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    termination.end(in.sid(), SessionTermination.Reason.ADMIN);
                    throw new IllegalStateException("the caller fails after ending the session");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            assertEquals(0, rows(client.clientId).size(), "no notice without the end of the session");
            assertNull(Logouts.session(sessions, in.sid()).endedAt, "and no end without the notice");
        }
    }
}
