package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gatehouse.authorize.logout.LogoutDeliveryCleanup;
import io.gatehouse.authorize.logout.SessionExpiry;
import io.gatehouse.model.entity.LogoutDeliveryEntity;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.keys.SigningKeyStore;
import io.gatehouse.model.repository.LogoutDeliveryRepository;
import io.gatehouse.model.repository.SessionRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Sessions that pass their idle or absolute limit without a logout are ended by the expiry job, and their relying
 * parties get a back-channel logout notice exactly once; finished notices are deleted after their retention.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SessionExpiryTest {

    @Inject
    AuthorizeFixtures fixtures;
    @Inject
    SigningKeyStore keys;
    @Inject
    SessionRepository sessions;
    @Inject
    LogoutDeliveryRepository deliveries;
    @Inject
    SessionExpiry expiry;
    @Inject
    SessionConfig config;
    @Inject
    LogoutDeliveryCleanup cleanup;

    void change(String sid, Consumer<SessionEntity> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(sessions.findById(sid)));
    }

    long notices(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.count("clientId", clientId));
    }

    @Test
    void sessionPastItsAbsoluteLimitIsEndedAndNotifiedOnce() throws Exception {
        try (LogoutReceiver receiver = new LogoutReceiver(0, false)) {
            ClientEntity client = fixtures.client(c -> c.metadata.put("backchannel_logout_uri", receiver.uri()));
            Logouts.SignedIn in = Logouts.signIn(keys, new TestBrowser(), client, fixtures.user());
            change(in.sid(), s -> s.expiresAt = Instant.now().minusSeconds(1));
            expiry.endExpired();
            expiry.endExpired();
            assertNotNull(Logouts.session(sessions, in.sid()).endedAt);
            assertEquals(1, notices(client.clientId), "one notice, however often the job runs");
            assertEquals(in.sid(), com.nimbusds.jwt.SignedJWT.parse(receiver.awaitAccepted(1).get(0)).getJWTClaimsSet().getStringClaim("sid"));
            assertEquals("login_required", Logouts.promptNone(in.browser(), client).get("error"));
        }
    }

    @Test
    void idleSessionIsEndedAndNotifiedOnce() throws Exception {
        try (LogoutReceiver receiver = new LogoutReceiver(0, false)) {
            ClientEntity client = fixtures.client(c -> c.metadata.put("backchannel_logout_uri", receiver.uri()));
            Logouts.SignedIn in = Logouts.signIn(keys, new TestBrowser(), client, fixtures.user());
            change(in.sid(), s -> s.lastSeenAt = Instant.now().minus(config.idleTimeout()).minus(Duration.ofMinutes(1)));
            expiry.endExpired();
            expiry.endExpired();
            assertNotNull(Logouts.session(sessions, in.sid()).endedAt);
            assertEquals(1, notices(client.clientId));
            assertEquals(1, receiver.awaitAccepted(1).size());
        }
    }

    @Test
    void activeSessionIsLeftAlone() throws Exception {
        try (LogoutReceiver receiver = new LogoutReceiver(0, false)) {
            ClientEntity client = fixtures.client(c -> c.metadata.put("backchannel_logout_uri", receiver.uri()));
            Logouts.SignedIn in = Logouts.signIn(keys, new TestBrowser(), client, fixtures.user());
            expiry.endExpired();
            assertNull(Logouts.session(sessions, in.sid()).endedAt);
            assertEquals(0, notices(client.clientId));
            assertNotNull(Logouts.promptNone(in.browser(), client).get("id_token"));
        }
    }

    @Test
    void finishedNoticesAreDeletedAfterTheirRetention() {
        ClientEntity client = fixtures.client();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Instant[] times : new Instant[][] {
                    {Instant.now().minus(Duration.ofDays(2)), null}, // delivered two days ago: deleted
                    {Instant.now().minus(Duration.ofHours(1)), null}, // delivered an hour ago: kept
                    {null, Instant.now().minus(Duration.ofDays(8))}, // given up eight days ago: deleted
                    {null, Instant.now().minus(Duration.ofDays(2))}, // given up two days ago: kept
                    {null, null}}) { // still due: kept
                LogoutDeliveryEntity d = new LogoutDeliveryEntity();
                d.clientId = client.clientId;
                d.logoutUri = "https://rp.example/bcl";
                d.jti = "x";
                d.deliveredAt = times[0];
                d.failedAt = times[1];
                d.nextAttemptAt = Instant.now().plus(Duration.ofDays(1));
                deliveries.persist(d);
            }
        });
        cleanup.deleteFinished();
        assertEquals(3, notices(client.clientId));
    }

    @Test
    void sessionLoggedOutBeforeItExpiredIsNotNotifiedAgain() throws Exception {
        try (LogoutReceiver receiver = new LogoutReceiver(0, false)) {
            ClientEntity client = fixtures.client(c -> c.metadata.put("backchannel_logout_uri", receiver.uri()));
            Logouts.SignedIn in = Logouts.signIn(keys, new TestBrowser(), client, fixtures.user());
            Logouts.endSession(in.browser(), Logouts.params("id_token_hint", in.idToken()));
            change(in.sid(), s -> s.expiresAt = Instant.now().minusSeconds(1));
            expiry.endExpired();
            assertEquals(1, notices(client.clientId));
        }
    }
}
