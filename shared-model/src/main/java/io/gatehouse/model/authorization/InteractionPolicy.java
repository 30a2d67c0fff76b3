package io.gatehouse.model.authorization;

import io.gatehouse.model.discovery.AcrValue;
import io.gatehouse.model.discovery.AmrValue;
import io.gatehouse.model.error.OAuthError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * When the user must log in or consent (OIDC Core 3.1.2.1 prompt, max_age, id_token_hint; 3.1.2.3; 11), as a pure
 * function of the request, the SSO session and the saved consent. With prompt=none, a needed interaction is the
 * error login_required or consent_required instead (3.1.2.6).
 */
public final class InteractionPolicy {

    private InteractionPolicy() {
    }

    /**
     * Everything the decision depends on besides the request; {@code defaultMaxAge} is the client's registered
     * {@code default_max_age} (OIDC Registration 2), which a max_age in the request overrides.
     */
    public record Context(AuthenticatedSession session, String hintedSubject, boolean freshLogin,
                          Set<String> consentedScopes, boolean consentSkipped, Instant now, OptionalLong defaultMaxAge,
                          boolean secondFactorRequired) {
        public Context {
            consentedScopes = consentedScopes == null ? Set.of() : Set.copyOf(consentedScopes);
            defaultMaxAge = defaultMaxAge == null ? OptionalLong.empty() : defaultMaxAge;
        }

        public Context(AuthenticatedSession session, String hintedSubject, boolean freshLogin,
                       Set<String> consentedScopes, boolean consentSkipped, Instant now, OptionalLong defaultMaxAge) {
            this(session, hintedSubject, freshLogin, consentedScopes, consentSkipped, now, defaultMaxAge, false);
        }

        public Context(AuthenticatedSession session, String hintedSubject, boolean freshLogin,
                       Set<String> consentedScopes, boolean consentSkipped, Instant now) {
            this(session, hintedSubject, freshLogin, consentedScopes, consentSkipped, now, OptionalLong.empty());
        }
    }

    /** OIDC Registration 2 default_max_age of a client's metadata: a non-negative integer number of seconds. */
    public static OptionalLong defaultMaxAge(java.util.Map<String, Object> metadata) {
        Object v = metadata == null ? null : metadata.get("default_max_age");
        return v instanceof Number n && n.longValue() >= 0 && n.doubleValue() == n.longValue()
                ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }

    /**
     * @throws io.gatehouse.model.error.OAuthException login_required or consent_required (prompt=none, or the user
     *                                                 who logged in is not the one the hint names)
     */
    public static Interaction decide(AuthorizationRequest request, Context c) {
        List<String> scopes = new ArrayList<>(request.scopes());
        boolean code = request.responseType().map(ResponseType::hasCode).orElse(false);
        if (!code) {
            // OIDC Core 11: offline_access is ignored unless a code is returned (only the token endpoint refreshes).
            scopes.remove(AuthorizationRequest.OFFLINE_ACCESS);
        }
        boolean none = request.hasPrompt(Prompt.NONE);
        String loginReason = loginReason(request, c);
        if (loginReason != null) {
            if (none) {
                throw AuthorizationError.loginRequired(loginReason).toException();
            }
            return new Interaction(Interaction.Step.LOGIN, scopes);
        }
        if (c.consentSkipped()) {
            return new Interaction(Interaction.Step.NONE, scopes);
        }
        boolean missing = scopes.stream().anyMatch(s -> !s.equals(AuthorizationRequest.OFFLINE_ACCESS) && !c.consentedScopes().contains(s));
        boolean offline = scopes.contains(AuthorizationRequest.OFFLINE_ACCESS);
        if (none) {
            if (missing) {
                throw AuthorizationError.consentRequired("the user has not consented to the requested scopes").toException();
            }
            // OIDC Core 11: consent to offline access is always asked; without a prompt, offline_access is ignored.
            scopes.remove(AuthorizationRequest.OFFLINE_ACCESS);
            return new Interaction(Interaction.Step.NONE, scopes);
        }
        if (missing || offline || request.hasPrompt(Prompt.CONSENT)) {
            return new Interaction(Interaction.Step.CONSENT, scopes);
        }
        return new Interaction(Interaction.Step.NONE, scopes);
    }

    /**
     * Whether the login must include a second factor: the request's {@code acr_values} (OIDC Core 3.1.2.1), or else
     * the client's {@code default_acr_values} (OIDC Registration 2), ask for {@link AcrValue#MFA} and do not accept
     * {@link AcrValue#PASSWORD}.
     */
    public static boolean secondFactorRequired(AuthorizationRequest request, java.util.Map<String, Object> clientMetadata) {
        List<String> acr = request.acrValues();
        if (acr.isEmpty() && clientMetadata != null && clientMetadata.get("default_acr_values") instanceof List<?> defaults) {
            acr = defaults.stream().map(String::valueOf).toList();
        }
        return acr.contains(AcrValue.MFA.value()) && !acr.contains(AcrValue.PASSWORD.value());
    }

    /** Whether the session's login used a second factor (RFC 8176 "mfa"). */
    private static boolean twoFactors(AuthenticatedSession s) {
        return AmrValue.acr(s.amr()) == AcrValue.MFA;
    }

    /** Why a (fresh) login is needed, or null when the session suffices. */
    private static String loginReason(AuthorizationRequest request, Context c) {
        AuthenticatedSession s = c.session();
        if (s == null) {
            return "the user is not logged in";
        }
        if (c.hintedSubject() != null && !c.hintedSubject().equals(s.userId().toString())) {
            if (c.freshLogin()) {
                // OIDC Core 3.1.2.1 id_token_hint, 3.1.2.2: no positive response for another user than the hinted one.
                throw AuthorizationError.loginRequired("the logged-in user is not the one the request names").toException();
            }
            return "the request names another user than the logged-in one";
        }
        if (c.freshLogin()) {
            if (c.secondFactorRequired() && !twoFactors(s)) {
                // The user just signed in with the password only: no second factor is enrolled to ask for.
                throw AuthorizationError.unmetAuthenticationRequirements(
                        "the client requires two-step sign-in, which the user has not set up").toException();
            }
            return null;
        }
        if (c.secondFactorRequired() && !twoFactors(s)) {
            return "the client requires two-step sign-in and the session has one factor";
        }
        if (request.hasPrompt(Prompt.LOGIN) || request.hasPrompt(Prompt.SELECT_ACCOUNT)) {
            return "the request asks for a new login";
        }
        // OIDC Core 3.1.2.1 max_age; OIDC Registration 2: the client's default_max_age when the request has none.
        OptionalLong maxAge = request.maxAge().isPresent() ? request.maxAge() : c.defaultMaxAge();
        if (maxAge.isPresent()
                && Duration.between(s.authTime(), c.now()).toMillis() > Math.min(maxAge.getAsLong(), Long.MAX_VALUE / 1000) * 1000) {
            return request.maxAge().isPresent() ? "the last login is older than max_age"
                    : "the last login is older than the client's default_max_age";
        }
        return null;
    }

    /** OIDC Core 3.1.2.1: an invalid id_token_hint. */
    public static OAuthError invalidHint() {
        return OAuthError.invalidRequest("id_token_hint is not an ID token issued by this provider");
    }
}
