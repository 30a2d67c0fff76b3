package io.gatehouse.model.client;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.jose.Json;
import io.gatehouse.model.jose.Jwk;
import io.gatehouse.model.jose.JwsAlgorithm;
import io.gatehouse.model.logout.OutboundAddressPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The public keys of a client (RFC 7591 2: {@code jwks} by value or {@code jwks_uri} by reference, never both).
 * A jwks_uri document is cached for {@code gatehouse.client-auth.jwks-cache}; a forced re-fetch (an assertion naming
 * a key not held) happens at most once per {@link #FORCED_REFETCH_INTERVAL} per URI, so random kids cannot make
 * Gatehouse hammer a client's server. Fetches follow no redirects, time out, are size-bounded, and internal addresses
 * are refused unless allowed ({@link OutboundAddressPolicy}).
 */
@ApplicationScoped
public class ClientJwks {

    private static final Logger LOG = Logger.getLogger(ClientJwks.class);
    static final Duration FORCED_REFETCH_INTERVAL = Duration.ofSeconds(10);
    private static final int MAX_BYTES = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    ClientAuthConfig config;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT).build();
    private final Map<String, Fetched> cache = new ConcurrentHashMap<>();

    private record Fetched(List<Map<String, Object>> keys, Instant fetchedAt, Instant forcedAt) {
    }

    /** The client's JWKs; {@code refresh} asks for a re-fetch of its jwks_uri (rate-limited). */
    public List<Map<String, Object>> keys(ClientEntity client, boolean refresh) {
        Map<String, Object> metadata = client.metadata == null ? Map.of() : client.metadata;
        if (metadata.get("jwks") instanceof Map<?, ?> jwks) {
            return keysOf(jwks);
        }
        if (!(metadata.get("jwks_uri") instanceof String uri)) {
            return List.of();
        }
        Instant now = Instant.now();
        Fetched cached = cache.get(uri);
        boolean stale = cached == null || cached.fetchedAt().plus(config.jwksCache()).isBefore(now);
        boolean forced = refresh && (cached == null || cached.forcedAt() == null
                || cached.forcedAt().plus(FORCED_REFETCH_INTERVAL).isBefore(now));
        if (!stale && !forced) {
            return cached.keys();
        }
        List<Map<String, Object>> fetched = fetch(client.clientId, uri);
        if (fetched == null) {
            return cached == null ? List.of() : cached.keys(); // keep serving the last good document
        }
        cache.put(uri, new Fetched(fetched, now, forced ? now : cached == null ? null : cached.forcedAt()));
        return fetched;
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

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> keysOf(Map<?, ?> jwks) {
        if (!(jwks.get("keys") instanceof List<?> keys)) {
            return List.of();
        }
        return keys.stream().filter(k -> k instanceof Map<?, ?>).map(k -> (Map<String, Object>) k).toList();
    }

    /** The keys of the document at {@code uri}; null when it cannot be had. */
    private List<Map<String, Object>> fetch(String clientId, String uri) {
        String refused = new OutboundAddressPolicy(config.allowInternalJwksUri()).rejection(uri);
        if (refused != null) {
            LOG.warnf("jwks_uri of client %s refused: %s", clientId, refused);
            return null;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT)
                    .header("Accept", "application/jwk-set+json, application/json").GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    LOG.warnf("jwks_uri of client %s answered %d", clientId, response.statusCode());
                    return null;
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                Map<String, Object> document = bytes.length > MAX_BYTES ? null : Json.readObject(bytes);
                if (document == null) {
                    LOG.warnf("jwks_uri of client %s did not return a JWK Set", clientId);
                    return null;
                }
                return keysOf(document);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("jwks_uri of client %s cannot be fetched: %s", clientId, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
