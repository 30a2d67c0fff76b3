package io.gatehouse.authorize;

import io.gatehouse.model.authorization.AuthorizationResponse;
import io.gatehouse.model.authorization.RequestParameters;
import io.gatehouse.model.authorization.ResponseMode;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.AuthorizationRequestEntity;
import io.gatehouse.model.jose.Json;
import io.gatehouse.model.keys.KeyEncryption;
import io.gatehouse.model.repository.AuthorizationRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Authorization requests waiting for the user (table {@code authorization_requests}): kept server-side, bound to
 * the browser by the {@code GH_AUTHZ} cookie, short-lived, consumed once; every page shown for one carries a new
 * CSRF token. What a form post gave (the response, the session cookie of a login) is kept encrypted in
 * {@code response_enc}, so that the same form posted again gets the same answer. Callers provide the transaction.
 */
@ApplicationScoped
public class PendingRequests {

    public static final String BROWSER_COOKIE = "GH_AUTHZ";

    @Inject
    AuthorizationRequestRepository requests;
    @Inject
    AuthorizeConfig config;
    @Inject
    GatehouseConfig gatehouse;
    @Inject
    KeyEncryption encryption;

    public AuthorizationRequestEntity create(String browser, String clientId, String redirectUri, RequestParameters parameters) {
        AuthorizationRequestEntity e = new AuthorizationRequestEntity();
        e.id = RandomTokens.random256();
        e.browserHash = Sha256.hash(browser);
        e.clientId = clientId;
        e.redirectUri = redirectUri;
        e.parameters = new LinkedHashMap<>(parameters.values());
        e.createdAt = Instant.now();
        e.expiresAt = e.createdAt.plus(config.requestLifetime());
        requests.persist(e);
        return e;
    }

    /** The request {@code id} if this browser started it and it has not expired (consumed ones included). */
    public Optional<AuthorizationRequestEntity> find(String id, String browser) {
        if (id == null || browser == null || id.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(requests.findById(id))
                .filter(r -> Sha256.matches(browser, r.browserHash))
                .filter(r -> r.expiresAt.isAfter(Instant.now()));
    }

    /**
     * Like {@link #find}, with the row locked until the transaction ends: the same form posted concurrently is
     * answered one post after the other, each seeing what the previous one did.
     */
    public Optional<AuthorizationRequestEntity> findLocked(String id, String browser) {
        if (id == null || browser == null || id.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(requests.findById(id, LockModeType.PESSIMISTIC_WRITE))
                .filter(r -> Sha256.matches(browser, r.browserHash))
                .filter(r -> r.expiresAt.isAfter(Instant.now()));
    }

    /** A new CSRF token for the page about to be shown; the previous one stops working. */
    public String newCsrfToken(AuthorizationRequestEntity request) {
        String token = RandomTokens.random256();
        request.csrfHash = Sha256.hash(token);
        return token;
    }

    /** Constant-time check of the CSRF token a form posted. */
    public static boolean csrfMatches(AuthorizationRequestEntity request, String token) {
        return Sha256.matches(token, request.csrfHash);
    }

    /** Marks the request consumed: true for exactly one caller (one atomic conditional update). */
    public boolean consume(AuthorizationRequestEntity request) {
        boolean won = requests.consume(request.id);
        if (won) {
            request.consumedAt = Instant.now();
        }
        return won;
    }

    /** Keeps the response issued for the request, encrypted, for a form posted again. */
    public void remember(AuthorizationRequestEntity request, AuthorizationResponse response) {
        Map<String, Object> stored = stored(request);
        stored.put("redirect_uri", response.redirectUri());
        stored.put("mode", response.mode().value());
        stored.put("parameters", response.parameters());
        store(request, stored);
    }

    /** The response issued for a consumed request, if any. */
    public Optional<AuthorizationResponse> remembered(AuthorizationRequestEntity request) {
        Map<String, Object> stored = stored(request);
        if (!(stored.get("parameters") instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, String> parameters = (Map<String, String>) stored.get("parameters");
        return Optional.of(new AuthorizationResponse((String) stored.get("redirect_uri"),
                ResponseMode.parse((String) stored.get("mode")).orElseThrow(), parameters));
    }

    /**
     * Keeps, encrypted, the session cookie value a login with the form of the page last shown gave, so that the same
     * form posted again (a double click, a retry after a lost answer) gets the same session, not a second one.
     */
    public void rememberLogin(AuthorizationRequestEntity request, String sessionCookie) {
        Map<String, Object> stored = stored(request);
        stored.put("login_csrf_hash", request.csrfHash);
        stored.put("session_cookie", sessionCookie);
        store(request, stored);
    }

    /** The session cookie of a login already made with the form of the page last shown (the same CSRF token). */
    public Optional<String> rememberedLogin(AuthorizationRequestEntity request) {
        Map<String, Object> stored = stored(request);
        return request.csrfHash != null && request.csrfHash.equals(stored.get("login_csrf_hash"))
                && stored.get("session_cookie") instanceof String cookie ? Optional.of(cookie) : Optional.empty();
    }

    /**
     * Keeps, encrypted, that {@code userId} gave the right password for this request and must now give the second
     * factor (the form of the page shown next carries a new CSRF token).
     */
    public void rememberFirstFactor(AuthorizationRequestEntity request, UUID userId) {
        Map<String, Object> stored = stored(request);
        stored.put("first_factor_user", userId.toString());
        store(request, stored);
    }

    /** The user who passed the password step of this request and still owes the second factor. */
    public Optional<UUID> firstFactor(AuthorizationRequestEntity request) {
        return stored(request).get("first_factor_user") instanceof String id ? Optional.of(UUID.fromString(id))
                : Optional.empty();
    }

    private Map<String, Object> stored(AuthorizationRequestEntity request) {
        if (request.responseEnc == null) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> stored = Json.readObject(new String(encryption.decrypt(request.responseEnc, aad(request)), StandardCharsets.UTF_8));
        return stored == null ? new LinkedHashMap<>() : new LinkedHashMap<>(stored);
    }

    private void store(AuthorizationRequestEntity request, Map<String, Object> stored) {
        request.responseEnc = encryption.encrypt(Json.write(stored), aad(request));
    }

    private static String aad(AuthorizationRequestEntity request) {
        return "authorization_request:" + request.id;
    }

    /** The browser-binding cookie: HttpOnly, SameSite=Lax, Path=/, Secure outside development mode, no expiry. */
    public NewCookie cookie(String browser) {
        return new NewCookie.Builder(BROWSER_COOKIE).value(browser).path("/").httpOnly(true).secure(!gatehouse.devMode())
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
