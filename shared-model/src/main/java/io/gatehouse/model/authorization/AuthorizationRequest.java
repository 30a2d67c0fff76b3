package io.gatehouse.model.authorization;

import io.gatehouse.model.claims.ClaimsRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An authorization request (RFC 6749 4.1.1, 4.2.1; OIDC Core 3.1.2.1, 3.2.2.1, 3.3.2.1; RFC 7636 4.3), parsed once
 * from its {@link RequestParameters}. Parsing never fails: values that may be malformed are kept as sent and
 * judged by the {@link AuthorizationChecks}, so that every error can still be returned to the client with its
 * state in the right response mode. Typed accessors are safe to use once the checks passed.
 */
public record AuthorizationRequest(RequestParameters parameters, String clientId, String redirectUri,
                                   String responseTypeParameter, String responseModeParameter, List<String> scopes,
                                   String state, String nonce, List<String> promptValues, String maxAgeParameter,
                                   String display, List<String> uiLocales, List<String> claimsLocales,
                                   String idTokenHint, String loginHint, List<String> acrValues,
                                   String claimsParameter, String codeChallenge, String codeChallengeMethod) {

    public static final String OPENID = "openid";
    public static final String OFFLINE_ACCESS = "offline_access";
    public static final String DPOP_JKT = "dpop_jkt";

    public AuthorizationRequest {
        scopes = List.copyOf(scopes);
        promptValues = List.copyOf(promptValues);
        uiLocales = List.copyOf(uiLocales);
        claimsLocales = List.copyOf(claimsLocales);
        acrValues = List.copyOf(acrValues);
    }

    public static AuthorizationRequest parse(RequestParameters p) {
        return new AuthorizationRequest(p, p.get("client_id"), p.get("redirect_uri"), p.get("response_type"),
                p.get("response_mode"), words(p.get("scope")), p.get("state"), p.get("nonce"), words(p.get("prompt")),
                p.get("max_age"), p.get("display"), words(p.get("ui_locales")), words(p.get("claims_locales")),
                p.get("id_token_hint"), p.get("login_hint"), words(p.get("acr_values")), p.get("claims"),
                p.get("code_challenge"), p.get("code_challenge_method"));
    }

    /** A space-delimited list (RFC 6749 3.3), duplicates removed, order kept. */
    static List<String> words(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(value.trim().split(" +"))));
    }

    /** RFC 9449 10: the thumbprint of the DPoP key the code is to be bound to, or null. */
    public String dpopJkt() {
        return parameters.get(DPOP_JKT);
    }

    public Optional<ResponseType> responseType() {
        return ResponseType.parse(responseTypeParameter);
    }

    /** The response mode the client asked for, when it named one Gatehouse knows. */
    public Optional<ResponseMode> requestedResponseMode() {
        return ResponseMode.parse(responseModeParameter);
    }

    /**
     * Where the response goes: the requested mode, else the default of the response type; never the query for a
     * response that carries tokens (Multiple Response Types 2.1), and the query when the response type is unknown.
     * Errors use it too, so it is defined for every request.
     */
    public ResponseMode responseMode() {
        Optional<ResponseType> type = responseType();
        Optional<ResponseMode> requested = requestedResponseMode();
        if (requested.isPresent() && !(requested.get() == ResponseMode.QUERY && type.map(ResponseType::carriesTokens).orElse(false))) {
            return requested.get();
        }
        return type.map(ResponseType::defaultResponseMode).orElse(ResponseMode.QUERY);
    }

    /** An OpenID Connect request (OIDC Core 3.1.2.1): the scope contains openid. Plain OAuth 2.0 otherwise. */
    public boolean isOpenId() {
        return scopes.contains(OPENID);
    }

    public Set<Prompt> prompts() {
        Set<Prompt> set = new LinkedHashSet<>();
        promptValues.forEach(v -> Prompt.parse(v).ifPresent(set::add));
        return Collections.unmodifiableSet(set);
    }

    public boolean hasPrompt(Prompt prompt) {
        return promptValues.contains(prompt.value());
    }

    /** max_age in seconds (OIDC Core 3.1.2.1); empty when absent or not a non-negative integer. */
    public OptionalLong maxAge() {
        if (maxAgeParameter == null) {
            return OptionalLong.empty();
        }
        try {
            long v = Long.parseLong(maxAgeParameter.trim());
            return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The claims request (OIDC Core 5.5); throws invalid_request when malformed ({@link ClaimsParameterCheck}). */
    public ClaimsRequest claims() {
        return ClaimsRequest.parse(claimsParameter);
    }
}
