package io.gatehouse.model.authorization;

import static io.gatehouse.model.authorization.TestRequests.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatehouse.model.error.OAuthException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When login and consent are needed (OIDC Core 3.1.2.1 prompt, max_age, id_token_hint; 11 offline_access). */
class InteractionPolicyTest {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final UUID USER = UUID.randomUUID();
    static final AuthenticatedSession SESSION = new AuthenticatedSession("sid", USER, NOW.minusSeconds(600), null, List.of("pwd"));

    static InteractionPolicy.Context ctx(AuthenticatedSession s, Set<String> consented) {
        return new InteractionPolicy.Context(s, null, false, consented, false, NOW);
    }

    static Interaction.Step step(AuthorizationRequest r, InteractionPolicy.Context c) {
        return InteractionPolicy.decide(r, c).next();
    }

    static String error(AuthorizationRequest r, InteractionPolicy.Context c) {
        return assertThrows(OAuthException.class, () -> InteractionPolicy.decide(r, c)).error().code();
    }

    @Test
    void noSessionMeansLoginOrLoginRequiredWithPromptNone() {
        assertEquals(Interaction.Step.LOGIN, step(code(), ctx(null, Set.of())));
        assertEquals("login_required", error(code("prompt", "none"), ctx(null, Set.of())));
    }

    @Test
    void sessionAndConsentMeanNoInteraction() {
        assertEquals(Interaction.Step.NONE, step(code(), ctx(SESSION, Set.of("openid"))));
        assertEquals(Interaction.Step.NONE, step(code("prompt", "none"), ctx(SESSION, Set.of("openid"))));
    }

    @Test
    void missingConsentMeansConsentOrConsentRequiredWithPromptNone() {
        assertEquals(Interaction.Step.CONSENT, step(code("scope", "openid email"), ctx(SESSION, Set.of("openid"))));
        assertEquals("consent_required", error(code("scope", "openid email", "prompt", "none"), ctx(SESSION, Set.of("openid"))));
    }

    @Test
    void promptLoginAndSelectAccountAskForAFreshLoginOnce() {
        assertEquals(Interaction.Step.LOGIN, step(code("prompt", "login"), ctx(SESSION, Set.of("openid"))));
        assertEquals(Interaction.Step.LOGIN, step(code("prompt", "select_account"), ctx(SESSION, Set.of("openid"))));
        InteractionPolicy.Context fresh = new InteractionPolicy.Context(SESSION, null, true, Set.of("openid"), false, NOW);
        assertEquals(Interaction.Step.NONE, step(code("prompt", "login"), fresh));
    }

    @Test
    void clientsDefaultMaxAgeAppliesWhenTheRequestHasNoneAndMaxAgeOverridesIt() {
        // The session's login was 600 s ago (OIDC Registration 2 default_max_age).
        InteractionPolicy.Context strict = new InteractionPolicy.Context(SESSION, null, false, Set.of("openid"), false, NOW,
                InteractionPolicy.defaultMaxAge(java.util.Map.of("default_max_age", 300)));
        assertEquals(Interaction.Step.LOGIN, step(code(), strict));
        assertEquals("login_required", error(code("prompt", "none"), strict));
        assertEquals(Interaction.Step.NONE, step(code("max_age", "3600"), strict), "max_age overrides default_max_age");
        InteractionPolicy.Context lenient = new InteractionPolicy.Context(SESSION, null, false, Set.of("openid"), false, NOW,
                InteractionPolicy.defaultMaxAge(java.util.Map.of("default_max_age", 3600)));
        assertEquals(Interaction.Step.NONE, step(code(), lenient));
        assertEquals(Interaction.Step.LOGIN, step(code("max_age", "60"), lenient));
    }

    @Test
    void defaultMaxAgeIsReadOnlyAsANonNegativeInteger() {
        assertEquals(java.util.OptionalLong.of(0), InteractionPolicy.defaultMaxAge(java.util.Map.of("default_max_age", 0)));
        assertEquals(java.util.OptionalLong.empty(), InteractionPolicy.defaultMaxAge(java.util.Map.of("default_max_age", -1)));
        assertEquals(java.util.OptionalLong.empty(), InteractionPolicy.defaultMaxAge(java.util.Map.of("default_max_age", "60")));
        assertEquals(java.util.OptionalLong.empty(), InteractionPolicy.defaultMaxAge(null));
    }

    @Test
    void maxAgeElapsedAsksForLogin() {
        assertEquals(Interaction.Step.LOGIN, step(code("max_age", "599"), ctx(SESSION, Set.of("openid"))));
        assertEquals(Interaction.Step.NONE, step(code("max_age", "600"), ctx(SESSION, Set.of("openid"))));
        assertEquals(Interaction.Step.LOGIN, step(code("max_age", "0"), ctx(SESSION, Set.of("openid"))), "max_age=0 is prompt=login");
        assertEquals("login_required", error(code("max_age", "60", "prompt", "none"), ctx(SESSION, Set.of("openid"))));
    }

    @Test
    void hintForAnotherUserAsksForLoginAndFailsIfTheLoginIsStillAnotherUser() {
        InteractionPolicy.Context other = new InteractionPolicy.Context(SESSION, "someone-else", false, Set.of("openid"), false, NOW);
        assertEquals(Interaction.Step.LOGIN, step(code(), other));
        assertEquals("login_required", error(code("prompt", "none"), other));
        InteractionPolicy.Context afterLogin = new InteractionPolicy.Context(SESSION, "someone-else", true, Set.of("openid"), false, NOW);
        assertEquals("login_required", error(code(), afterLogin));
        InteractionPolicy.Context same = new InteractionPolicy.Context(SESSION, USER.toString(), false, Set.of("openid"), false, NOW);
        assertEquals(Interaction.Step.NONE, step(code("prompt", "none"), same));
    }

    @Test
    void offlineAccessAlwaysAsksForConsent() {
        Interaction i = InteractionPolicy.decide(code("scope", "openid offline_access"),
                ctx(SESSION, Set.of("openid", "offline_access")));
        assertEquals(Interaction.Step.CONSENT, i.next());
        assertEquals(List.of("openid", "offline_access"), i.scopes());
    }

    @Test
    void offlineAccessIsIgnoredWithoutACodeOrWithPromptNone() {
        Interaction implicit = InteractionPolicy.decide(code("response_type", "id_token", "scope", "openid offline_access"),
                ctx(SESSION, Set.of("openid")));
        assertEquals(Interaction.Step.NONE, implicit.next());
        assertEquals(List.of("openid"), implicit.scopes());
        Interaction silent = InteractionPolicy.decide(code("scope", "openid offline_access", "prompt", "none"),
                ctx(SESSION, Set.of("openid")));
        assertEquals(Interaction.Step.NONE, silent.next());
        assertEquals(List.of("openid"), silent.scopes());
    }

    @Test
    void promptConsentAsksEvenWhenSaved() {
        assertEquals(Interaction.Step.CONSENT, step(code("prompt", "consent"), ctx(SESSION, Set.of("openid"))));
    }

    @Test
    void firstPartyClientsSkipConsent() {
        InteractionPolicy.Context firstParty = new InteractionPolicy.Context(SESSION, null, false, Set.of(), true, NOW);
        Interaction i = InteractionPolicy.decide(code("scope", "openid email offline_access", "prompt", "consent"), firstParty);
        assertEquals(Interaction.Step.NONE, i.next());
        assertEquals(List.of("openid", "email", "offline_access"), i.scopes());
    }

    static final String MFA = "urn:gatehouse:acr:mfa";
    static final String PWD = "urn:gatehouse:acr:pwd";

    @Test
    void aSecondFactorIsRequiredWhenAcrValuesOrTheClientsDefaultsAskOnlyForMfa() {
        assertEquals(true, InteractionPolicy.secondFactorRequired(code("acr_values", MFA), java.util.Map.of()));
        assertEquals(false, InteractionPolicy.secondFactorRequired(code("acr_values", MFA + " " + PWD), java.util.Map.of()));
        assertEquals(false, InteractionPolicy.secondFactorRequired(code(), java.util.Map.of()));
        assertEquals(true, InteractionPolicy.secondFactorRequired(code(), java.util.Map.of("default_acr_values", List.of(MFA))));
        // The request's acr_values replace the client's defaults (OIDC Registration 2).
        assertEquals(false, InteractionPolicy.secondFactorRequired(code("acr_values", PWD),
                java.util.Map.of("default_acr_values", List.of(MFA))));
    }

    @Test
    void aOneFactorSessionLogsInAgainWhenTwoAreRequiredAndAFreshOneFactorLoginIsUnmet() {
        InteractionPolicy.Context required = new InteractionPolicy.Context(SESSION, null, false, Set.of("openid"), false, NOW,
                java.util.OptionalLong.empty(), true);
        assertEquals(Interaction.Step.LOGIN, step(code(), required));
        assertEquals("login_required", error(code("prompt", "none"), required));
        InteractionPolicy.Context fresh = new InteractionPolicy.Context(SESSION, null, true, Set.of("openid"), false, NOW,
                java.util.OptionalLong.empty(), true);
        assertEquals("unmet_authentication_requirements", error(code(), fresh));
        AuthenticatedSession twoFactors = new AuthenticatedSession("sid", USER, NOW, MFA, List.of("pwd", "otp", "mfa"));
        InteractionPolicy.Context satisfied = new InteractionPolicy.Context(twoFactors, null, false, Set.of("openid"), false,
                NOW, java.util.OptionalLong.empty(), true);
        assertEquals(Interaction.Step.NONE, step(code(), satisfied));
    }
}
