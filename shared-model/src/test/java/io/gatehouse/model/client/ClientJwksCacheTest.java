package io.gatehouse.model.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.outbound.OutboundFetch;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The jwks_uri cache (issue 16.7): per URI with a TTL, one fetch in flight, re-fetches for an unknown kid or after a
 * failure rate-limited, and stale keys expiring. The remote side is a scripted {@link OutboundFetch}; the real client
 * is {@code SocketOutboundFetchTest}'s.
 */
class ClientJwksCacheTest {

    static final String URI_ = "https://rp.example/jwks";
    static final Duration TTL = Duration.ofMinutes(5);
    static final Duration MAX_STALE = Duration.ofHours(1);
    static final Duration REFETCH = Duration.ofSeconds(10);

    /** A jwks_uri whose answers the test scripts, counting the fetches. */
    static final class Remote implements OutboundFetch {
        final AtomicInteger fetches = new AtomicInteger();
        volatile String kid = "k1";
        volatile boolean down;
        volatile CountDownLatch slow;

        @Override
        public byte[] fetch(URI uri, Purpose purpose) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Object> fetchJson(URI uri, Purpose purpose) throws FetchFailed {
            fetches.incrementAndGet();
            if (slow != null) {
                try {
                    slow.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (down) {
                throw new FetchFailed();
            }
            return Map.of("keys", List.of(Map.of("kty", "RSA", "kid", kid)));
        }

        @Override
        public Response postForm(URI uri, Purpose purpose, String form) {
            throw new UnsupportedOperationException();
        }
    }

    final Remote remote = new Remote();
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T12:00:00Z"));
    final ClientJwks jwks = new ClientJwks(remote, new OutboundFetch.Purpose("jwks_uri", null,
            new OutboundFetch.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), 65536), false), TTL, MAX_STALE, REFETCH, now::get);

    String kid(boolean refresh) {
        List<Map<String, Object>> keys = jwks.keys(URI_, refresh);
        return keys.isEmpty() ? null : (String) keys.get(0).get("kid");
    }

    void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void cachedForTheTtlThenFetchedAgain() {
        assertEquals("k1", kid(false));
        assertEquals("k1", kid(false));
        assertEquals(1, remote.fetches.get());
        remote.kid = "k2";
        advance(TTL.plusSeconds(1));
        assertEquals("k2", kid(false));
        assertEquals(2, remote.fetches.get());
    }

    @Test
    void unknownKidRefetchesAtMostOncePerInterval() {
        kid(false);
        remote.kid = "k2";
        assertEquals("k2", kid(true), "a JWS naming a key not held: fetched again at once (the client rotated its key)");
        for (int i = 0; i < 50; i++) {
            kid(true); // random kids cannot make us hammer the client's server
        }
        assertEquals(2, remote.fetches.get());
        advance(REFETCH.plusSeconds(1));
        kid(true);
        assertEquals(3, remote.fetches.get());
    }

    @Test
    void staleKeysServeWhileTheServerIsDownButNotForever() {
        kid(false);
        remote.down = true;
        advance(TTL.plusSeconds(1));
        assertEquals("k1", kid(false), "the last good set, while within max-stale");
        assertEquals(2, remote.fetches.get());
        kid(false);
        assertEquals(2, remote.fetches.get(), "failed fetches are retried no more than once per interval");
        advance(MAX_STALE);
        assertEquals(null, kid(false), "past TTL plus max-stale the keys are gone");
        remote.down = false;
        advance(REFETCH.plusSeconds(1));
        assertEquals("k1", kid(false), "and back when the server is");
    }

    @Test
    void oneFetchInFlightPerUri() throws Exception {
        remote.slow = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> kid(false)));
            }
            Thread.sleep(300); // let them all arrive while the first fetch is held
            remote.slow.countDown();
            for (Future<String> c : calls) {
                assertEquals("k1", c.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(remote.fetches.get() <= 2, "concurrent callers share one fetch: " + remote.fetches.get());
    }
}
