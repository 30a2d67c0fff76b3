package io.gatehouse.authorize;

import io.gatehouse.model.authorization.AuthenticatedSession;
import io.gatehouse.model.authorization.AuthorizationChecks;
import io.gatehouse.model.authorization.AuthorizationError;
import io.gatehouse.model.authorization.AuthorizationRequest;
import io.gatehouse.model.authorization.AuthorizationResponse;
import io.gatehouse.model.authorization.ClientCheck;
import io.gatehouse.model.authorization.Interaction;
import io.gatehouse.model.authorization.InteractionPolicy;
import io.gatehouse.model.authorization.RedirectUriCheck;
import io.gatehouse.model.authorization.RequestParameters;
import io.gatehouse.model.authorization.UntrustedRedirectException;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.entity.AuthorizationRequestEntity;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.ConsentEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.entity.UserEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.jose.InvalidJwsException;
import io.gatehouse.model.keys.TokenVerifier;
import io.gatehouse.model.token.IdTokenClaims;
import io.gatehouse.model.repository.ClientRepository;
import io.gatehouse.model.repository.ConsentRepository;
import io.gatehouse.model.repository.UserRepository;
import io.gatehouse.model.subject.SubjectIdentifiers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import io.gatehouse.model.client.ResponseEncryption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The authorization endpoint's flow: verify the client and redirect_uri (errors on a page), assemble and check the
 * request (errors to the client), then log in, consent and issue, keeping the request server-side between pages.
 * Each public method is one transaction: a response is issued whole or not at all.
 */
@ApplicationScoped
public class AuthorizationFlow {

    /** The request of a page is gone: expired, from another browser, or never existed. */
    static final OAuthError EXPIRED = OAuthError.invalidRequest(
            "This sign-in request has expired or is not valid. Return to the application and start again.");

    @Inject
    ClientRepository clients;
    @Inject
    UserRepository users;
    @Inject
    ConsentRepository consents;
    @Inject
    RequestAssembly assembly;
    @Inject
    Sessions sessions;
    @Inject
    PendingRequests pending;
    @Inject
    ResponseIssuer issuer;
    @Inject
    TokenVerifier verifier;
    @Inject
    GatehouseConfig config;
    @Inject
    AuthorizeConfig authorizeConfig;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;
    @Inject
    SubjectIdentifiers subjects;
    @Inject
    ResponseEncryption encryption;

    private AuthorizationChecks checks;

    @PostConstruct
    void init() {
        checks = new AuthorizationChecks(authorizeConfig.pkcePlainAllowed());
    }

    /**
     * GET or POST /authorize. {@code browser} is the value of the browser-binding cookie (new if it had none). Not one
     * transaction as a whole: assembling the request may fetch the client's request_uri and jwks_uri, which never
     * happens inside a transaction (a slow remote server would hold a pooled connection); the client is read, the
     * request assembled (a pushed request consumed in its own short transaction), then the decision and the issued
     * response are one transaction ({@link #decide}).
     */
    public FlowResult authorize(RequestParameters sent, String sessionCookie, String browser) {
        if (sent.oversized()) {
            // Too large for any redirect back: refused on a page, nothing of it echoed anywhere.
            return new FlowResult.ErrorPage(OAuthError.invalidRequest("the authorization request is too large"), 400);
        }
        String clientId = sent.get("client_id");
        ClientEntity client;
        try {
            ClientEntity found = clientId == null ? null
                    : QuarkusTransaction.requiringNew().call(() -> clients.findById(clientId));
            client = ClientCheck.require(sent, found);
        } catch (UntrustedRedirectException e) {
            return new FlowResult.ErrorPage(e.error(), 400);
        }
        RequestParameters params;
        try {
            params = assembly.assemble(sent, client); // outbound fetches happen here, outside any transaction
        } catch (OAuthException e) {
            // The request object is unusable: answer at the redirect_uri sent beside it, if that one is registered.
            try {
                return errorResponse(AuthorizationRequest.parse(sent), RedirectUriCheck.resolve(sent, client), e.error());
            } catch (UntrustedRedirectException u) {
                return new FlowResult.ErrorPage(u.error(), 400);
            }
        }
        encryption.prefetch(client); // an encrypted ID token's key (OIDC Core 10.2), fetched outside the transaction
        return QuarkusTransaction.requiringNew().call(() -> decide(params, client, sessionCookie, browser));
    }

    /**
     * Before the login or consent form's answer is processed in its transaction: fetches what issuing the response
     * may need from the client's server (its jwks_uri, for an encrypted ID token), outside any transaction.
     */
    public void prepareResponse(String id, String browser) {
        ClientEntity client = QuarkusTransaction.requiringNew().call(() -> pending.find(id, browser)
                .map(p -> clients.findById(p.clientId)).orElse(null));
        encryption.prefetch(client);
    }

    /** The assembled request checked, then answered, sent to log in, or to consent: one transaction. */
    private FlowResult decide(RequestParameters params, ClientEntity detached, String sessionCookie, String browser) {
        ClientEntity client = clients.findById(detached.clientId);
        String redirectUri;
        try {
            redirectUri = RedirectUriCheck.resolve(params, client);
        } catch (UntrustedRedirectException e) {
            return new FlowResult.ErrorPage(e.error(), 400);
        }
        AuthorizationRequest request = AuthorizationRequest.parse(params);
        try {
            checks.verify(request, client);
            Optional<SessionEntity> session = sessions.current(sessionCookie);
            UserEntity user = session.map(s -> users.findById(s.userId)).filter(u -> u.enabled).orElse(null);
            String hinted = hintedSubject(request, client, user);
            SessionEntity active = user == null ? null : session.get();
            Interaction next = InteractionPolicy.decide(request, context(request, client, active, hinted, false));
            return switch (next.next()) {
                case NONE -> respond(issuer.issue(request, client, redirectUri, user, active, next.scopes()), user, client);
                case LOGIN -> new FlowResult.Login(pending.create(browser, client.clientId, redirectUri, params).id);
                case CONSENT -> {
                    AuthorizationRequestEntity p = pending.create(browser, client.clientId, redirectUri, params);
                    p.userId = user.id;
                    yield new FlowResult.Consent(p.id);
                }
            };
        } catch (OAuthException e) {
            return errorResponse(request, redirectUri, e.error());
        }
    }

    /** A pending request this browser may act on (a page may be shown for it). */
    @Transactional
    public Optional<AuthorizationRequestEntity> pendingRequest(String id, String browser) {
        return pending.find(id, browser);
    }

    /** What the login page shows. */
    public record LoginView(ClientEntity client, String csrf, String loginHint, List<String> uiLocales) {
    }

    /** The login page's content for a live request of this browser, with a new CSRF token for its form. */
    @Transactional
    public Optional<LoginView> loginView(String id, String browser) {
        return pending.find(id, browser).filter(p -> p.consumedAt == null).map(p -> {
            AuthorizationRequest r = AuthorizationRequest.parse(new RequestParameters(p.parameters, Set.of()));
            return new LoginView(clients.findById(p.clientId), pending.newCsrfToken(p), r.loginHint(), r.uiLocales());
        });
    }

    /** Whether a posted form belongs to a live request of this browser and carries its CSRF token. */
    @Transactional
    public Optional<FlowResult> refusePost(String id, String csrf, String browser) {
        Optional<AuthorizationRequestEntity> p = pending.find(id, browser);
        if (p.isEmpty()) {
            return Optional.of(new FlowResult.ErrorPage(EXPIRED, 400));
        }
        if (!PendingRequests.csrfMatches(p.get(), csrf)) {
            return Optional.of(new FlowResult.ErrorPage(OAuthError.invalidRequest(
                    "The form could not be verified (CSRF). Return to the application and start again."), 403));
        }
        return Optional.empty();
    }

    /** The user logged in for pending request {@code id}: continue with consent or issue the response. */
    @Transactional
    public LoggedIn loggedIn(String id, String browser, String sessionCookie, UserEntity user, List<String> amr) {
        AuthorizationRequestEntity p = pending.findLocked(id, browser).orElse(null); // concurrent posts: one at a time
        if (p == null) {
            return new LoggedIn(new FlowResult.ErrorPage(EXPIRED, 400), null);
        }
        Optional<String> earlier = pending.rememberedLogin(p);
        if (earlier.isPresent() && p.userId != null && p.userId.equals(user.id)) {
            // The same login form posted again: the first post's answer and session, never a second session.
            return new LoggedIn(loggedInBefore(p), earlier.get());
        }
        Sessions.Started started = sessions.login(user.id, sessions.current(sessionCookie), amr);
        pending.rememberLogin(p, started.cookieValue());
        audit.record("login_succeeded", user.id, p.clientId, null);
        if (p.consumedAt != null) {
            return new LoggedIn(replay(p), started.cookieValue());
        }
        p.userId = user.id;
        p.authenticatedAt = started.session().authTime;
        if (p.deviceCodeHash != null) {
            // RFC 8628 3.3: a device verification continues on the device pages once the user is logged in.
            return new LoggedIn(new FlowResult.Continue(DeviceVerification.consentPath(p.id)), started.cookieValue());
        }
        ClientEntity client = clients.findById(p.clientId);
        if (client == null || !client.enabled) {
            return new LoggedIn(new FlowResult.ErrorPage(OAuthError.invalidClient("unknown client"), 400), started.cookieValue());
        }
        AuthorizationRequest request = AuthorizationRequest.parse(new RequestParameters(p.parameters, Set.of()));
        FlowResult result;
        try {
            Interaction next = InteractionPolicy.decide(request, context(request, client, started.session(), hintedSubject(request, client, user), true));
            result = switch (next.next()) {
                case CONSENT -> new FlowResult.Consent(p.id);
                case NONE -> complete(p, request, client, user, started.session(), next.scopes());
                case LOGIN -> finishWithError(p, request, AuthorizationError.loginRequired("the login did not succeed"));
            };
        } catch (OAuthException e) {
            result = finishWithError(p, request, e.error());
        }
        return new LoggedIn(result, started.cookieValue());
    }

    /**
     * What the first post of a login form led to: its response once the request was consumed; else it went on to the
     * device pages or to consent (every other outcome consumes the request).
     */
    private FlowResult loggedInBefore(AuthorizationRequestEntity p) {
        if (p.consumedAt != null) {
            return replay(p);
        }
        return p.deviceCodeHash != null ? new FlowResult.Continue(DeviceVerification.consentPath(p.id)) : new FlowResult.Consent(p.id);
    }

    /** The outcome of a login and the new session cookie value. */
    public record LoggedIn(FlowResult result, String sessionCookie) {
    }

    /** What the consent page shows. */
    public record ConsentView(ClientEntity client, UserEntity user, List<String> scopes, AuthorizationRequest request,
                              String csrf) {
    }

    /** The consent page's content, when the browser's session is the user the request is for. */
    @Transactional
    public Optional<ConsentView> consentView(String id, String browser, String sessionCookie) {
        return pending.find(id, browser).filter(p -> p.consumedAt == null && p.userId != null && p.deviceCodeHash == null)
                .filter(p -> sessions.current(sessionCookie).filter(s -> s.userId.equals(p.userId)).isPresent())
                .map(p -> {
                    AuthorizationRequest request = AuthorizationRequest.parse(new RequestParameters(p.parameters, Set.of()));
                    return new ConsentView(clients.findById(p.clientId), users.findById(p.userId), grantable(request), request,
                            pending.newCsrfToken(p));
                });
    }

    /** The user answered the consent page (approve or deny) for pending request {@code id}. */
    @Transactional
    public FlowResult consented(String id, String browser, String sessionCookie, boolean approved) {
        AuthorizationRequestEntity p = pending.find(id, browser).orElse(null);
        if (p == null || p.deviceCodeHash != null) { // a device verification is answered on the device pages
            return new FlowResult.ErrorPage(EXPIRED, 400);
        }
        if (p.consumedAt != null) {
            return replay(p);
        }
        SessionEntity session = sessions.current(sessionCookie).filter(s -> s.userId.equals(p.userId)).orElse(null);
        ClientEntity client = clients.findById(p.clientId);
        if (session == null || client == null || !client.enabled) {
            return new FlowResult.ErrorPage(EXPIRED, 400);
        }
        AuthorizationRequest request = AuthorizationRequest.parse(new RequestParameters(p.parameters, Set.of()));
        if (!approved) {
            audit.record("consent_denied", p.userId, client.clientId, null);
            return finishWithError(p, request, AuthorizationError.accessDenied("the user denied the request"));
        }
        if (!pending.consume(p)) {
            return replay(p); // the same form posted concurrently: one consent, one response
        }
        List<String> scopes = grantable(request);
        saveConsent(p.userId, client.clientId, scopes);
        audit.record("consent_granted", p.userId, client.clientId, String.join(" ", scopes));
        return issueConsumed(p, request, client, users.findById(p.userId), session, scopes);
    }

    private InteractionPolicy.Context context(AuthorizationRequest request, ClientEntity client, SessionEntity session,
                                              String hinted, boolean freshLogin) {
        Set<String> consented = session == null ? Set.of()
                : Optional.ofNullable(consents.findById(new ConsentEntity.Key(session.userId, client.clientId)))
                .map(c -> (Set<String>) new LinkedHashSet<>(c.scopes)).orElse(Set.of());
        AuthenticatedSession view = Sessions.view(session);
        return new InteractionPolicy.Context(view, hinted, freshLogin, consented, client.firstParty, Instant.now(),
                InteractionPolicy.defaultMaxAge(client.metadata), InteractionPolicy.secondFactorRequired(request, client.metadata));
    }

    /** The scopes a consent grants: the requested ones, less offline_access where no code is returned (OIDC Core 11). */
    static List<String> grantable(AuthorizationRequest request) {
        List<String> scopes = new ArrayList<>(request.scopes());
        if (!request.responseType().map(t -> t.hasCode()).orElse(false)) {
            scopes.remove(AuthorizationRequest.OFFLINE_ACCESS);
        }
        return scopes;
    }

    /** Saves the consent, adding to scopes consented before (one upsert: concurrent consents do not collide). */
    void saveConsent(java.util.UUID userId, String clientId, List<String> scopes) {
        em.createNativeQuery("insert into consents (user_id, client_id, scopes, granted_at) values (?1, ?2, string_to_array(?3, ' '), now()) "
                        + "on conflict (user_id, client_id) do update set granted_at = now(), scopes = consents.scopes "
                        + "|| array(select s from unnest(excluded.scopes) s where s <> all(consents.scopes))")
                .setParameter(1, userId).setParameter(2, clientId).setParameter(3, String.join(" ", scopes))
                .executeUpdate();
    }

    /**
     * The subject the request names (OIDC Core 3.1.2.1 id_token_hint, verified with Gatehouse's keys, an expired
     * one accepted; 3.1.2.2 / 5.5.1 a sub requested with a value), or null. A pairwise sub (OIDC Core 8.1) is mapped
     * back to {@code user}'s local subject when it is what the hinting client (the hint's audience) sees for that user.
     */
    private String hintedSubject(AuthorizationRequest request, ClientEntity client, UserEntity user) {
        String local = user == null ? null : user.id.toString();
        String hinted = null;
        if (request.idTokenHint() != null) {
            try {
                TokenVerifier.VerifiedToken t = verifier.verify(request.idTokenHint());
                if (!IdTokenClaims.isIdToken(t.typ(), t.claims()) || !config.issuer().equals(t.claims().get("iss")) || !(t.claims().get("sub") instanceof String sub)) {
                    throw InteractionPolicy.invalidHint().toException();
                }
                hinted = subjects.toLocal(hintingClient(t.claims().get("aud"), client), sub, local);
            } catch (InvalidJwsException e) {
                throw InteractionPolicy.invalidHint().toException();
            }
        }
        Optional<Object> requested = request.claims().requestedIdTokenSubject();
        if (requested.isPresent()) {
            if (hinted != null && !hinted.equals(requested.get())) {
                throw AuthorizationError.loginRequired("id_token_hint and the requested sub name different users").toException();
            }
            hinted = subjects.toLocal(client, String.valueOf(requested.get()), local);
        }
        return hinted;
    }

    /** The client an ID token was issued to: its aud (a single audience, OIDC Core 2), else the requesting client. */
    private ClientEntity hintingClient(Object aud, ClientEntity requesting) {
        String audience = aud instanceof String s ? s : aud instanceof List<?> l && l.size() == 1 && l.get(0) instanceof String s ? s : null;
        if (audience == null || audience.equals(requesting.clientId)) {
            return requesting;
        }
        ClientEntity other = clients.findById(audience);
        return other == null ? requesting : other;
    }

    private FlowResult complete(AuthorizationRequestEntity p, AuthorizationRequest request, ClientEntity client,
                                UserEntity user, SessionEntity session, List<String> scopes) {
        if (!pending.consume(p)) {
            return replay(p);
        }
        return issueConsumed(p, request, client, user, session, scopes);
    }

    /** Issues the response of a request this caller consumed, and keeps it for a form posted again. */
    private FlowResult issueConsumed(AuthorizationRequestEntity p, AuthorizationRequest request, ClientEntity client,
                                     UserEntity user, SessionEntity session, List<String> scopes) {
        AuthorizationResponse response;
        try {
            response = issuer.issue(request, client, p.redirectUri, user, session, scopes);
        } catch (OAuthException e) {
            // refused before anything was issued (no key to encrypt the ID token to): the client hears why
            response = AuthorizationResponse.error(p.redirectUri, request.responseMode(), e.error(), request.state(),
                    config.issuer());
        }
        pending.remember(p, response);
        return respond(response, user, client);
    }

    private FlowResult finishWithError(AuthorizationRequestEntity p, AuthorizationRequest request, OAuthError error) {
        if (!pending.consume(p)) {
            return replay(p);
        }
        AuthorizationResponse response = AuthorizationResponse.error(p.redirectUri, request.responseMode(), error,
                request.state(), config.issuer());
        pending.remember(p, response);
        return new FlowResult.Respond(response);
    }

    /** A form posted again: the response already issued for it, never a second one. */
    private FlowResult replay(AuthorizationRequestEntity p) {
        em.refresh(p);
        return pending.remembered(p).<FlowResult>map(FlowResult.Respond::new)
                .orElseGet(() -> new FlowResult.ErrorPage(EXPIRED, 400));
    }

    private FlowResult respond(AuthorizationResponse response, UserEntity user, ClientEntity client) {
        audit.record("authorization_issued", user.id, client.clientId, String.join(" ",
                response.parameters().keySet().stream().filter(k -> !k.equals("state") && !k.equals("iss")).toList()));
        return new FlowResult.Respond(response);
    }

    private FlowResult errorResponse(AuthorizationRequest request, String redirectUri, OAuthError error) {
        return new FlowResult.Respond(AuthorizationResponse.error(redirectUri, request.responseMode(), error,
                request.state(), config.issuer()));
    }
}
