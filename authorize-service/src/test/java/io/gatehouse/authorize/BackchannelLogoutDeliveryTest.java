package io.gatehouse.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.LogoutDeliveryEntity;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.keys.KeyCache;
import io.gatehouse.model.logout.BackchannelDeliveryWorker;
import io.gatehouse.model.logout.BackchannelLogout;
import io.gatehouse.model.logout.LogoutTokenClaims;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.LogoutDeliveryRepository;
import io.gatehouse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Back-Channel Logout 1.0 section 2.5: durable delivery with retries; the token validated independently. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BackchannelLogoutDeliveryTest {

    @Inject
    BackchannelLogout logout;
    @Inject
    BackchannelDeliveryWorker worker;
    @Inject
    ClientRepository clients;
    @Inject
    LogoutDeliveryRepository deliveries;
    @Inject
    KeyCache keys;

    @Test
    void receiverThatFailsTwiceThenSucceedsGetsExactlyOneAcceptedDelivery() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> accepted = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/backchannel", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = calls.incrementAndGet();
            int status = n <= 2 ? 503 : 200;
            if (status == 200) {
                accepted.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String clientId = "bcl-" + System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> {
                ClientEntity c = new ClientEntity();
                c.clientId = clientId;
                c.metadata = Map.of("backchannel_logout_uri", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/backchannel",
                        "backchannel_logout_session_required", true);
                clients.persist(c);
            });
            QuarkusTransaction.requiringNew().run(() -> assertEquals(1, logout.enqueue("user-1", "sid-1", List.of(clientId))));

            for (int i = 0; i < 100 && accepted.isEmpty(); i++) {
                worker.deliverDue();
                Thread.sleep(50);
            }
            worker.deliverDue();
            assertEquals(1, accepted.size(), "exactly one accepted delivery");
            assertEquals(3, calls.get(), "two failures, then success, then nothing more");
            LogoutDeliveryEntity row = QuarkusTransaction.requiringNew().call(() -> deliveries.find("clientId", clientId).firstResult());
            assertNotNull(row.deliveredAt);
            assertEquals(3, row.attempts);

            SignedJWT jwt = SignedJWT.parse(accepted.get(0));
            assertEquals("logout+jwt", jwt.getHeader().getType().getType());
            RSAPublicKey key = (RSAPublicKey) keys.byKid(jwt.getHeader().getKeyID()).orElseThrow().publicKey();
            assertTrue(jwt.verify(new RSASSAVerifier(key)), "signature verifies with an independent library");
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            assertEquals(List.of(clientId), claims.getAudience());
            assertEquals("sid-1", claims.getStringClaim("sid"));
            assertEquals("user-1", claims.getSubject());
            assertNotNull(claims.getJWTID());
            assertNotNull(claims.getIssueTime());
            assertNotNull(claims.getExpirationTime());
            assertTrue(claims.getJSONObjectClaim("events").containsKey(LogoutTokenClaims.EVENT));
            assertFalse(claims.getClaims().containsKey("nonce"), "a logout token never carries a nonce");
            assertEquals(JwsAlgorithm.RS256.name(), jwt.getHeader().getAlgorithm().getName());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void everyAttemptIsSignedAnewAndCarriesTheNoticesOneJti() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/backchannel", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(received.size() == 1 ? 503 : 200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String clientId = "bcl-resign-" + System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> {
                ClientEntity c = new ClientEntity();
                c.clientId = clientId;
                c.metadata = Map.of("backchannel_logout_uri", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/backchannel");
                clients.persist(c);
            });
            QuarkusTransaction.requiringNew().run(() -> assertEquals(1, logout.enqueue("user-2", "sid-2", List.of(clientId))));
            worker.deliverDue();
            assertEquals(1, received.size(), "first attempt refused by the receiver");
            Thread.sleep(1100);
            QuarkusTransaction.requiringNew().run(() -> deliveries.update("nextAttemptAt = ?1 where clientId = ?2", java.time.Instant.now(), clientId));
            worker.deliverDue();
            assertEquals(2, received.size(), "the retry delivered");

            JWTClaimsSet first = SignedJWT.parse(received.get(0)).getJWTClaimsSet();
            JWTClaimsSet retry = SignedJWT.parse(received.get(1)).getJWTClaimsSet();
            assertTrue(retry.getIssueTime().after(first.getIssueTime()), "the retry is signed when it is sent, not when queued");
            assertTrue(retry.getExpirationTime().after(first.getExpirationTime()), "so it is not sent expired");
            assertEquals(first.getJWTID(), retry.getJWTID(), "one notice, one jti");
            assertEquals("sid-2", retry.getStringClaim("sid"));
            LogoutDeliveryEntity row = QuarkusTransaction.requiringNew().call(() -> deliveries.find("clientId", clientId).firstResult());
            assertEquals(first.getJWTID(), row.jti);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void clientWithoutBackchannelUriGetsNothing() {
        String clientId = "no-bcl-" + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            ClientEntity c = new ClientEntity();
            c.clientId = clientId;
            clients.persist(c);
        });
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> logout.enqueue("u", "s", List.of(clientId))));
    }
}
