package io.gatehouse.token;

import static io.gatehouse.token.TokenCalls.introspect;
import static io.gatehouse.token.TokenCalls.redeem;
import static io.gatehouse.token.TokenCalls.refresh;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gatehouse.model.entity.RefreshTokenEntity;
import io.gatehouse.testsupport.PostgresTestResource;
import io.gatehouse.token.TokenFixtures.Code;
import io.gatehouse.token.TokenFixtures.Issued;
import io.gatehouse.token.TokenFixtures.TestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Races: one conditional update decides, however many requests arrive at once. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ConcurrencyTest {

    static final int THREADS = 8;

    @Inject
    TokenFixtures fixtures;

    /** Sends {@code THREADS} requests released at the same instant; returns their responses. */
    static List<Response> race(Supplier<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return request.get();
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Response> withStatus(List<Response> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).toList();
    }

    @Test
    void concurrentRedemptionsOfOneCodeGiveExactlyOneSuccess() throws Exception {
        TestClient client = fixtures.webClient();
        Issued code = fixtures.code(new Code(client, fixtures.user().id));

        List<Response> responses = race(() -> redeem(client, code.code(), null));

        List<Response> ok = withStatus(responses, 200);
        assertEquals(1, ok.size(), "exactly one redemption succeeds");
        for (Response r : withStatus(responses, 400)) {
            assertEquals("invalid_grant", r.jsonPath().getString("error"));
        }
        assertEquals(THREADS - 1, withStatus(responses, 400).size());
        // The other redemptions were reuse: the grant, and so the winner's tokens, are revoked (RFC 6749 4.1.2).
        introspect(client, ok.get(0).jsonPath().getString("access_token")).then().body("active", equalTo(false));
    }

    @Test
    void concurrentRefreshesOfOneTokenRotateItOnceAndKeepOneLiveToken() throws Exception {
        TestClient client = fixtures.webClient();
        Code c = new Code(client, fixtures.user().id);
        c.sid = fixtures.session(c.userId);
        Issued code = fixtures.code(c);
        String t = redeem(client, code.code(), null).then().statusCode(200).extract().path("refresh_token");

        List<Response> responses = race(() -> refresh(client, t));

        // One rotation wins; the others are the same request inside the grace period, before the successor was used:
        // idempotent retries, which all get that one successor (RFC 9700 4.14.2), so the family never forks.
        List<Response> ok = withStatus(responses, 200);
        assertEquals(THREADS, ok.size(), "one rotation and its retries");
        assertEquals(1, ok.stream().map(r -> r.jsonPath().getString("refresh_token")).distinct().count(), "one successor");
        RefreshTokenEntity presented = fixtures.refreshToken(t);
        List<RefreshTokenEntity> live = fixtures.family(presented.familyId).stream()
                .filter(r -> r.rotatedAt == null && r.revokedAt == null).toList();
        assertEquals(1, live.size(), "the family keeps exactly one live refresh token");
        refresh(client, ok.get(0).jsonPath().getString("refresh_token")).then().statusCode(200);
        assertNull(fixtures.grant(code.grantId()).revokedAt);
    }
}
