package io.gatehouse.model.client;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.Jwk;
import io.gatehouse.model.jose.JweAlgorithm;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.outbound.OutboundConfig;
import io.gatehouse.model.outbound.OutboundFetch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The public keys of a client (RFC 7591 2: {@code jwks} by value or {@code jwks_uri} by reference, never both).
 * A jwks_uri document is cached per URI for {@code gatehouse.client-auth.jwks-cache}; after that it is fetched again,
 * and while that fails the last good set is used for at most {@code jwks-max-stale} more, then no longer at all.
 * One fetch per URI is in flight at a time (concurrent callers share its result). A re-fetch asked for because a JWS
 * names a key not held happens at once the first time, then at most once per {@code jwks-refetch-interval} per URI,
 * so random kids cannot make Gatehouse hammer a client's server; a failed fetch is retried no more often either. Fetches go through {@link OutboundFetch}
 * (outside any transaction, SSRF-checked at connect time, bounded in time and size).
 */
@ApplicationScoped
public class ClientJwks {

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Cached>> inFlight = new ConcurrentHashMap<>();
    private OutboundFetch outbound;
    private OutboundFetch.Purpose purpose;
    private Duration ttl;
    private Duration maxStale;
    private Duration refetchInterval;
    private Supplier<Instant> clock;

    /**
     * A document as last fetched ({@code keys} null when never fetched successfully), when it was last tried and
     * whether that failed, and when a re-fetch for an unknown kid last happened.
     */
    private record Cached(List<Map<String, Object>> keys, Instant fetchedAt, Instant attemptedAt, boolean failed, Instant forcedAt) {
    }

    ClientJwks() {
        // for CDI proxies
    }

    @Inject
    ClientJwks(ClientAuthConfig config, OutboundConfig outboundConfig, OutboundFetch outbound) {
        this(outbound, new OutboundFetch.Purpose("jwks_uri", "application/jwk-set+json, application/json",
                        new OutboundFetch.Limits(outboundConfig.connectTimeout(), config.jwksTimeout(), config.jwksMaxBytes()),
                        config.allowInternalJwksUri()),
                config.jwksCache(), config.jwksMaxStale(), config.jwksRefetchInterval(), Instant::now);
    }

    ClientJwks(OutboundFetch outbound, OutboundFetch.Purpose purpose, Duration ttl, Duration maxStale,
            Duration refetchInterval, Supplier<Instant> clock) {
        this.outbound = outbound;
        this.purpose = purpose;
        this.ttl = ttl;
        this.maxStale = maxStale;
        this.refetchInterval = refetchInterval;
        this.clock = clock;
    }

    /** The client's JWKs; {@code refresh} asks for a re-fetch of its jwks_uri (rate-limited). Never in a transaction. */
    public List<Map<String, Object>> keys(ClientEntity client, boolean refresh) {
        Map<String, Object> metadata = client.metadata == null ? Map.of() : client.metadata;
        if (metadata.get("jwks") instanceof Map<?, ?> jwks) {
            return keysOf(jwks);
        }
        if (!(metadata.get("jwks_uri") instanceof String uri)) {
            return List.of();
        }
        return keys(uri, refresh);
    }

    /**
     * The client's JWKs as held now, never fetching: its {@code jwks}, or the cached {@code jwks_uri} document
     * (empty when none is held). For use inside a transaction, after {@link #keys(ClientEntity, boolean)} ran before it.
     */
    public List<Map<String, Object>> heldKeys(ClientEntity client) {
        Map<String, Object> metadata = client.metadata == null ? Map.of() : client.metadata;
        if (metadata.get("jwks") instanceof Map<?, ?> jwks) {
            return keysOf(jwks);
        }
        if (!(metadata.get("jwks_uri") instanceof String uri)) {
            return List.of();
        }
        return usable(cache.get(uri), clock.get());
    }

    List<Map<String, Object>> keys(String uri, boolean refresh) {
        Instant now = clock.get();
        Cached cached = cache.get(uri);
        boolean fresh = cached != null && cached.keys() != null && !now.isAfter(cached.fetchedAt().plus(ttl));
        boolean fetch;
        if (!fresh) {
            // expired or never had: fetch, but after a failure retry no more than once per interval
            fetch = cached == null || !cached.failed() || !now.isBefore(cached.attemptedAt().plus(refetchInterval));
        } else {
            // a JWS names a kid not held: the first such re-fetch at once, then no more than once per interval
            fetch = refresh && (cached.forcedAt() == null || !now.isBefore(cached.forcedAt().plus(refetchInterval)));
        }
        if (!fetch) {
            return usable(cached, now);
        }
        return usable(fetchOnce(uri, fresh), clock.get());
    }

    /** The cached set unless it is past TTL plus max-stale (then nothing: stale keys are not served forever). */
    private List<Map<String, Object>> usable(Cached cached, Instant now) {
        if (cached == null || cached.keys() == null || now.isAfter(cached.fetchedAt().plus(ttl).plus(maxStale))) {
            return List.of();
        }
        return cached.keys();
    }

    /** Single flight: the first caller fetches, concurrent callers for the same URI wait for its result. */
    private Cached fetchOnce(String uri, boolean forced) {
        CompletableFuture<Cached> mine = new CompletableFuture<>();
        CompletableFuture<Cached> running = inFlight.putIfAbsent(uri, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Cached previous = cache.get(uri);
            Instant now = clock.get();
            Cached next;
            Instant forcedAt = forced ? now : previous == null ? null : previous.forcedAt();
            try {
                next = new Cached(keysOf(outbound.fetchJson(URI.create(uri), purpose)), now, now, false, forcedAt);
            } catch (OutboundFetch.FetchFailed | IllegalArgumentException e) {
                next = previous == null ? new Cached(null, now, now, true, forcedAt)
                        : new Cached(previous.keys(), previous.fetchedAt(), now, true, forcedAt);
            }
            cache.put(uri, next);
            mine.complete(next);
            return next;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(uri, mine);
        }
    }

    /** The keys of {@code keys} that may verify a JWS of {@code alg} naming {@code kid} (RFC 7517 4; RFC 8725 3.1). */
    public static List<PublicKey> candidates(List<Map<String, Object>> keys, String kid, JwsAlgorithm alg) {
        List<PublicKey> out = new ArrayList<>();
        for (Map<String, Object> jwk : keys) {
            boolean kidFits = kid == null || kid.equals(jwk.get("kid"));
            boolean typeFits = alg.keyType().equals(jwk.get("kty"));
            boolean algFits = jwk.get("alg") == null || alg.name().equals(jwk.get("alg"));
            boolean useFits = jwk.get("use") == null || "sig".equals(jwk.get("use"));
            if (kidFits && typeFits && algFits && useFits) {
                try {
                    out.add(Jwk.publicKey(jwk));
                } catch (InvalidJwsException | RuntimeException e) {
                    // an unusable key is no candidate
                }
            }
        }
        return out;
    }

    /** A client key to encrypt to, with its kid (null when the JWK has none). */
    public record EncryptionKey(String kid, PublicKey key) {
    }

    /**
     * The first key of {@code keys} that may encrypt with {@code alg} (RFC 7517 4.2, 4.4): its kty, {@code use} enc
     * or none, {@code alg} that one or none; keys marked {@code use: enc} come before unmarked ones.
     */
    public static java.util.Optional<EncryptionKey> encryptionKey(List<Map<String, Object>> keys, JweAlgorithm alg) {
        EncryptionKey unmarked = null;
        for (Map<String, Object> jwk : keys) {
            boolean typeFits = alg.keyType().equals(jwk.get("kty"));
            boolean algFits = jwk.get("alg") == null || alg.value().equals(jwk.get("alg"));
            boolean useFits = jwk.get("use") == null || "enc".equals(jwk.get("use"));
            if (!typeFits || !algFits || !useFits) {
                continue;
            }
            PublicKey key;
            try {
                key = Jwk.publicKey(jwk);
            } catch (InvalidJwsException | RuntimeException e) {
                continue; // an unusable key is no candidate
            }
            EncryptionKey found = new EncryptionKey(jwk.get("kid") instanceof String kid ? kid : null, key);
            if ("enc".equals(jwk.get("use"))) {
                return java.util.Optional.of(found);
            }
            if (unmarked == null) {
                unmarked = found;
            }
        }
        return java.util.Optional.ofNullable(unmarked);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> keysOf(Map<?, ?> jwks) {
        if (!(jwks.get("keys") instanceof List<?> keys)) {
            return List.of();
        }
        return keys.stream().filter(k -> k instanceof Map<?, ?>).map(k -> (Map<String, Object>) k).toList();
    }
}
