package io.gatehouse.authorize.logout;

import io.gatehouse.authorize.Sessions;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.keys.TokenVerifier;
import io.gatehouse.model.logout.EndSessionDecision;
import io.gatehouse.model.logout.EndSessionPolicy;
import io.gatehouse.model.logout.EndSessionRequest;
import io.gatehouse.model.logout.SessionTermination;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.subject.SubjectIdentifiers;
import io.gatehouse.model.token.IdTokenClaims;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RP-Initiated Logout 1.0 at the end-session endpoint: the rules of {@link EndSessionPolicy} (hint verified with
 * Gatehouse's keys, post_logout_redirect_uri registered exactly), the confirmation the user must give when the request
 * does not prove it comes from the session's relying party ({@link ConfirmationRule}), then the end of the session
 * through {@link SessionTermination} (back-channel notices queued in the same transaction) and what the browser loads
 * next: front-channel logout iframes and the redirect. Each public method is one transaction.
 */
@ApplicationScoped
public class EndSession {

    /** The action of the confirmation form's "Sign out" button; any other answer keeps the session. */
    public static final String LOG_OUT = "logout";
    private static final String CSRF_CONTEXT = "gatehouse-logout-csrf:";

    @Inject
    TokenVerifier verifier;
    @Inject
    GatehouseConfig config;
    @Inject
    ClientRepository clients;
    @Inject
    Sessions sessions;
    @Inject
    SessionTermination termination;
    @Inject
    SubjectIdentifiers subjects;

    private EndSessionPolicy policy;

    @PostConstruct
    void init() {
        policy = new EndSessionPolicy(config.issuer(), this::verifiedHint, this::postLogoutRedirectUris);
    }

    /** GET or POST /end-session from a relying party. */
    @Transactional
    public EndSessionOutcome request(EndSessionRequest request, String sessionCookie) {
        Optional<SessionEntity> current = sessions.current(sessionCookie);
        EndSessionDecision decision = withLocalSubject(policy.decide(request), current);
        if (decision.error() != null && current.isEmpty()) {
            return new EndSessionOutcome.ErrorPage(OAuthError.invalidRequest(decision.error()), 400);
        }
        if (ConfirmationRule.mustAsk(decision, current.map(s -> new ConfirmationRule.CurrentSession(s.sid, s.userId)).orElse(null))) {
            return confirmation(decision, request.uiLocales(), sessionCookie);
        }
        return signOut(current, decision);
    }

    /** A hint's pairwise sub (OIDC Core 8.1) as the local subject of the session's user, when it is that user's. */
    private EndSessionDecision withLocalSubject(EndSessionDecision d, Optional<SessionEntity> current) {
        if (d.sub() == null || d.clientId() == null || current.isEmpty()) {
            return d;
        }
        ClientEntity client = clients.findById(d.clientId());
        String sub = client == null ? d.sub() : subjects.toLocal(client, d.sub(), current.get().userId.toString());
        return new EndSessionDecision(d.clientId(), sub, d.sid(), d.redirectUri(), d.state(), d.confirmationRequired(), d.error());
    }

    /** The confirmation form came back: "logout" ends the session, anything else keeps it. */
    @Transactional
    public EndSessionOutcome confirmed(Map<String, String> form, String sessionCookie) {
        Optional<SessionEntity> current = sessions.current(sessionCookie);
        if (current.isPresent() && !csrfMatches(sessionCookie, form.get("csrf"))) {
            return new EndSessionOutcome.ErrorPage(OAuthError.invalidRequest(
                    "The form could not be verified (CSRF). Return to the application and sign out again."), 403);
        }
        if (!LOG_OUT.equals(form.get("action"))) {
            return current.isPresent() ? new EndSessionOutcome.StillSignedIn() : signOut(current, noRedirect());
        }
        // The hidden fields are the browser's to change: the redirect is checked again, as on the first request.
        EndSessionDecision decision = policy.decide(new EndSessionRequest(null, null, form.get("client_id"),
                form.get("post_logout_redirect_uri"), form.get("state"), form.get("ui_locales")));
        return signOut(current, decision.error() == null ? decision : noRedirect());
    }

    private EndSessionOutcome signOut(Optional<SessionEntity> current, EndSessionDecision decision) {
        List<String> frames = current.flatMap(s -> termination.end(s.sid, SessionTermination.Reason.LOGOUT))
                .map(ended -> frontchannelUris(ended.sid(), ended.clientIds())).orElse(List.of());
        String redirect = null;
        if (decision.redirectUri() != null) {
            // RP-Initiated Logout 1.0 section 3: state is passed back exactly when the RP sent it.
            redirect = LogoutUris.withParameters(decision.redirectUri(),
                    decision.state() == null ? Map.of() : Map.of("state", decision.state()));
        }
        return new EndSessionOutcome.SignedOut(frames, redirect);
    }

    private EndSessionOutcome confirmation(EndSessionDecision decision, String uiLocales, String sessionCookie) {
        List<EndSessionOutcome.Field> fields = new ArrayList<>();
        fields.add(new EndSessionOutcome.Field("csrf", csrfToken(sessionCookie)));
        if (decision.error() == null) {
            add(fields, "client_id", decision.clientId());
            add(fields, "post_logout_redirect_uri", decision.redirectUri());
            add(fields, "state", decision.state());
        }
        add(fields, "ui_locales", uiLocales);
        ClientEntity client = decision.clientId() == null ? null : clients.findById(decision.clientId());
        String clientName = client == null || !client.enabled ? null
                : client.clientName != null && !client.clientName.isBlank() ? client.clientName : client.clientId;
        return new EndSessionOutcome.Confirm(clientName, decision.error(), fields);
    }

    /**
     * Front-Channel Logout 1.0 sections 2-3: each relying party of the session that registered a frontchannel_logout_uri
     * (http or https only), with iss and sid, which Gatehouse always sends (frontchannel_logout_session_supported).
     */
    private List<String> frontchannelUris(String sid, List<String> clientIds) {
        List<String> uris = new ArrayList<>();
        for (String clientId : clientIds) {
            ClientEntity client = clients.findById(clientId);
            if (client != null && client.metadata != null && client.metadata.get("frontchannel_logout_uri") instanceof String uri
                    && LogoutUris.isWeb(uri)) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("iss", config.issuer());
                params.put("sid", sid);
                uris.add(LogoutUris.withParameters(uri, params));
            }
        }
        return uris;
    }

    /** The claims of an id_token_hint that Gatehouse signed as an ID token (an expired one too); null otherwise. */
    Map<String, Object> verifiedHint(String hint) {
        try {
            TokenVerifier.VerifiedToken token = verifier.verify(hint);
            return IdTokenClaims.isIdToken(token.typ(), token.claims()) ? token.claims() : null;
        } catch (InvalidJwsException | RuntimeException e) {
            return null;
        }
    }

    /** The registered post_logout_redirect_uris of an enabled client; null when there is no such client. */
    List<String> postLogoutRedirectUris(String clientId) {
        ClientEntity client = clients.findById(clientId);
        if (client == null || !client.enabled) {
            return null;
        }
        return client.postLogoutRedirectUris == null ? List.of() : List.copyOf(client.postLogoutRedirectUris);
    }

    /**
     * The confirmation form's CSRF token: derived from the session cookie, which only this browser holds (HttpOnly),
     * so no other site can compute it; nothing is stored.
     */
    static String csrfToken(String sessionCookie) {
        return Sha256.hash(CSRF_CONTEXT + sessionCookie);
    }

    static boolean csrfMatches(String sessionCookie, String presented) {
        if (sessionCookie == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(csrfToken(sessionCookie).getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static EndSessionDecision noRedirect() {
        return new EndSessionDecision(null, null, null, null, null, true, null);
    }

    private static void add(List<EndSessionOutcome.Field> fields, String name, String value) {
        if (value != null) {
            fields.add(new EndSessionOutcome.Field(name, value));
        }
    }
}
