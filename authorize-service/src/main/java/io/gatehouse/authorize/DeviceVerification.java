package io.gatehouse.authorize;

import io.gatehouse.model.authorization.AuthorizationRequest;
import io.gatehouse.model.authorization.RequestParameters;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.device.UserCode;
import io.gatehouse.model.entity.AuthorizationRequestEntity;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.DeviceCodeEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.DeviceCodeRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The user's part of the device authorization grant (RFC 8628 3.3): the user enters the user code the device shows,
 * logs in on the authorization endpoint's login page (through a pending request that references the device code, so
 * the login comes back here), sees the client, its scopes and the code, and approves or denies. Approval creates the
 * grant (authorize-service creates grants) and marks the device code approved with what the token endpoint needs for
 * the tokens: user, grant, auth_time, acr, amr, sid. The device code row is locked while it is decided, so an answer
 * and the device's polling never interleave. Each public method is one transaction.
 */
@ApplicationScoped
public class DeviceVerification {

    /** The device pages ({@code Endpoint.DEVICE_PAGE}). */
    static final String PAGE = "/device";

    /** How the user's answer ended. */
    public enum Outcome {
        APPROVED,
        DENIED,
        /** The code expired, was answered meanwhile, or the page's request is gone. */
        GONE,
        /** The form's CSRF token is wrong. */
        FORGED
    }

    /** What the device consent page shows. */
    public record ConsentView(ClientEntity client, UserEntity user, List<String> scopes, String userCode, String csrf) {
    }

    @Inject
    DeviceCodeRepository devices;
    @Inject
    ClientRepository clients;
    @Inject
    UserRepository users;
    @Inject
    GrantRepository grants;
    @Inject
    Sessions sessions;
    @Inject
    PendingRequests pending;
    @Inject
    AuthorizationFlow flow;
    @Inject
    AuditLog audit;

    static String consentPath(String requestId) {
        return PAGE + "/consent?request=" + requestId;
    }

    /**
     * The code entry form's CSRF token, derived from the browser-binding cookie (HttpOnly, random), which a page of
     * another site can neither read nor compute; nothing is stored before a code is entered.
     */
    static String entryCsrf(String browser) {
        return Sha256.hash("gatehouse-device-csrf:" + browser);
    }

    static boolean entryCsrfMatches(String browser, String presented) {
        if (browser == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(entryCsrf(browser).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The user typed {@code typed} in this browser: where to continue (the login page, or the consent page when the
     * browser has an active session), or empty when it names no pending device authorization of an enabled client.
     */
    @Transactional
    public Optional<FlowResult> enter(String typed, String browser, String sessionCookie) {
        Optional<DeviceCodeEntity> device = UserCode.normalize(typed).flatMap(devices::findByUserCode).filter(this::awaitsAnswer);
        if (device.isEmpty()) {
            return Optional.empty();
        }
        AuthorizationRequestEntity p = pending.create(browser, device.get().clientId, PAGE, new RequestParameters(Map.of(), Set.of()));
        p.deviceCodeHash = device.get().deviceCodeHash;
        Optional<UserEntity> user = sessions.current(sessionCookie).map(s -> users.findById(s.userId)).filter(u -> u.enabled);
        if (user.isEmpty()) {
            return Optional.of(new FlowResult.Login(p.id));
        }
        p.userId = user.get().id;
        return Optional.of(new FlowResult.Continue(consentPath(p.id)));
    }

    /** The consent page's content, when the browser's session is the user who logged in for the request. */
    @Transactional
    public Optional<ConsentView> consentView(String id, String browser, String sessionCookie) {
        return pending.find(id, browser)
                .filter(p -> p.deviceCodeHash != null && p.consumedAt == null && p.userId != null)
                .filter(p -> sessions.current(sessionCookie).filter(s -> s.userId.equals(p.userId)).isPresent())
                .flatMap(p -> Optional.ofNullable(devices.findById(p.deviceCodeHash)).filter(this::awaitsAnswer)
                        .map(d -> new ConsentView(clients.findById(d.clientId), users.findById(p.userId), scopes(d),
                                UserCode.display(d.userCode), pending.newCsrfToken(p))));
    }

    /** The user approved or denied on the consent page of pending request {@code id}. */
    @Transactional
    public Outcome decide(String id, String csrf, String browser, String sessionCookie, boolean approve) {
        AuthorizationRequestEntity p = pending.find(id, browser).filter(r -> r.deviceCodeHash != null).orElse(null);
        if (p == null) {
            return Outcome.GONE;
        }
        if (!PendingRequests.csrfMatches(p, csrf)) {
            return Outcome.FORGED;
        }
        SessionEntity session = p.userId == null ? null
                : sessions.current(sessionCookie).filter(s -> s.userId.equals(p.userId)).orElse(null);
        if (session == null || !pending.consume(p)) {
            return Outcome.GONE; // not logged in as the user of the request, or the form was answered already
        }
        DeviceCodeEntity d = devices.findById(p.deviceCodeHash, LockModeType.PESSIMISTIC_WRITE);
        if (d == null || !awaitsAnswer(d)) {
            return Outcome.GONE;
        }
        if (!approve) {
            d.status = DeviceCodeEntity.DENIED; // RFC 8628 3.5: the device gets access_denied
            audit.record("device_denied", p.userId, d.clientId, null);
            return Outcome.DENIED;
        }
        UserEntity user = users.findById(p.userId);
        if (user == null || !user.enabled) {
            return Outcome.GONE;
        }
        GrantEntity grant = grant(d, session);
        d.status = DeviceCodeEntity.APPROVED;
        d.userId = user.id;
        d.grantId = grant.id;
        d.authTime = session.authTime;
        d.acr = session.acr;
        d.amr = new ArrayList<>(session.amr);
        d.sid = session.sid;
        flow.saveConsent(user.id, d.clientId, scopes(d)); // listed, and revocable, on the account page
        sessions.addClient(session.sid, d.clientId); // a target of logout, as for a code
        audit.record("device_approved", user.id, d.clientId, d.scope);
        return Outcome.APPROVED;
    }

    /**
     * The grant behind the device's tokens: like a code's, it follows the approving session (refresh tokens end with it)
     * unless offline_access was granted (OIDC Core 11).
     */
    private GrantEntity grant(DeviceCodeEntity d, SessionEntity session) {
        GrantEntity g = new GrantEntity();
        g.id = UUID.randomUUID();
        g.userId = session.userId;
        g.clientId = d.clientId;
        g.scope = d.scope;
        g.sid = session.sid;
        g.offline = scopes(d).contains(AuthorizationRequest.OFFLINE_ACCESS);
        g.authTime = session.authTime;
        g.createdAt = Instant.now();
        grants.persist(g);
        return g;
    }

    /** Pending, not expired, for an enabled client. */
    private boolean awaitsAnswer(DeviceCodeEntity d) {
        if (!DeviceCodeEntity.PENDING.equals(d.status) || !d.expiresAt.isAfter(Instant.now())) {
            return false;
        }
        ClientEntity client = clients.findById(d.clientId);
        return client != null && client.enabled;
    }

    private static List<String> scopes(DeviceCodeEntity d) {
        return d.scope == null || d.scope.isBlank() ? List.of() : Arrays.asList(d.scope.trim().split(" +"));
    }
}
