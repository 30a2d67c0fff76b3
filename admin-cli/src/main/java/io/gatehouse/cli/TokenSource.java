package io.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The admin access token: given ({@code --token}, {@code GATEHOUSE_ADMIN_TOKEN}), or fetched once with the client
 * credentials grant (RFC 6749 4.4, client_secret_basic) and scope {@code gatehouse:admin} at the token endpoint,
 * given or found in the issuer's discovery document.
 */
final class TokenSource {

    static final String SCOPE = "gatehouse:admin";

    private final String token;
    private final String clientId;
    private final String clientSecret;
    private final String tokenEndpoint;
    private final String issuer;
    private String fetched;

    TokenSource(String token, String clientId, String clientSecret, String tokenEndpoint, String issuer) {
        this.token = token;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokenEndpoint = tokenEndpoint;
        this.issuer = issuer;
    }

    String get() {
        if (token != null && !token.isBlank()) {
            return token.trim();
        }
        if (fetched == null) {
            fetched = fetch();
        }
        return fetched;
    }

    private String fetch() {
        if (clientId == null || clientSecret == null) {
            throw new UsageException("no admin token: give --token (or GATEHOUSE_ADMIN_TOKEN), or --client-id and "
                    + "--client-secret (or GATEHOUSE_ADMIN_CLIENT_ID and GATEHOUSE_ADMIN_CLIENT_SECRET)");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String endpoint = tokenEndpoint != null ? tokenEndpoint : discover(http);
        String basic = Base64.getEncoder().encodeToString((form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + form(SCOPE))).build();
        JsonNode answer = call(http, request);
        if (answer == null || !answer.hasNonNull("access_token")) {
            throw new ApiException(200, "invalid_response", "the token endpoint returned no access_token");
        }
        return answer.get("access_token").asText();
    }

    private String discover(HttpClient http) {
        if (issuer == null) {
            throw new UsageException("give --token-endpoint, or --issuer (GATEHOUSE_ADMIN_ISSUER) to find it by discovery");
        }
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        JsonNode discovery = call(http, HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(30)).GET().build());
        if (discovery == null || !discovery.hasNonNull("token_endpoint")) {
            throw new ApiException(200, "invalid_response", "the discovery document names no token_endpoint");
        }
        return discovery.get("token_endpoint").asText();
    }

    private static JsonNode call(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return AdminApi.answer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + request.uri() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    /** RFC 6749 2.3.1: client_id and secret are form-urlencoded before Basic encoding. */
    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
