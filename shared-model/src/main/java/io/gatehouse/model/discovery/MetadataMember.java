package io.gatehouse.model.discovery;

import static io.gatehouse.model.discovery.Endpoint.AUTHORIZATION;
import static io.gatehouse.model.discovery.Endpoint.END_SESSION;
import static io.gatehouse.model.discovery.Endpoint.INTROSPECTION;
import static io.gatehouse.model.discovery.Endpoint.PUSHED_AUTHORIZATION_REQUEST;
import static io.gatehouse.model.discovery.Endpoint.REVOCATION;
import static io.gatehouse.model.discovery.Endpoint.TOKEN;
import static io.gatehouse.model.discovery.Endpoint.USERINFO;

import io.gatehouse.model.jose.JweAlgorithm;
import io.gatehouse.model.jose.JweEncryption;
import io.gatehouse.model.jose.JwsAlgorithm;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Every discovery member other than issuer and the endpoint URLs (those come from {@link Endpoint}), with the
 * endpoints that must be served for it to appear and how its value is derived (OIDC Discovery 1.0 section 3,
 * RFC 8414 section 2, RFC 9207 3, Front-Channel Logout 3, Back-Channel Logout 2.1). A member whose endpoints are
 * not all served, or whose list comes out empty, is left out: the document never claims what the code does not
 * do.
 */
public enum MetadataMember {
    SCOPES_SUPPORTED("scopes_supported", Set.of(), f -> Supported.advertised(Scope.values(), f.served())),
    RESPONSE_TYPES_SUPPORTED("response_types_supported", Set.of(),
            f -> Supported.advertised(ResponseType.values(), f.served())),
    RESPONSE_MODES_SUPPORTED("response_modes_supported", Set.of(),
            f -> Supported.advertised(ResponseMode.values(), f.served())),
    GRANT_TYPES_SUPPORTED("grant_types_supported", Set.of(), f -> Supported.advertised(GrantType.values(), f.served())),
    SUBJECT_TYPES_SUPPORTED("subject_types_supported", Set.of(),
            f -> Supported.advertised(SubjectType.values(), f.served())),
    /** REQUIRED, RS256 included (OIDC Core 15.1): the algorithms Gatehouse has keys for. */
    ID_TOKEN_SIGNING_ALG_VALUES_SUPPORTED("id_token_signing_alg_values_supported", Set.of(),
            ProviderFacts::signingAlgorithmNames),
    USERINFO_SIGNING_ALG_VALUES_SUPPORTED("userinfo_signing_alg_values_supported", Set.of(USERINFO),
            ProviderFacts::signingAlgorithmNames),
    /** Request objects (OIDC Core 6.1) signed by the client's keys, or unsigned. */
    REQUEST_OBJECT_SIGNING_ALG_VALUES_SUPPORTED("request_object_signing_alg_values_supported", Set.of(AUTHORIZATION),
            f -> Stream.concat(Stream.of("none"), Arrays.stream(JwsAlgorithm.values()).map(JwsAlgorithm::name)).toList()),
    /** OIDC Core 10.2: the JWE algorithms ResponseEncryption and RequestObjectDecryption take (the Jwe vocabulary). */
    ID_TOKEN_ENCRYPTION_ALG_VALUES_SUPPORTED("id_token_encryption_alg_values_supported", Set.of(AUTHORIZATION),
            f -> JweAlgorithm.valueList()),
    ID_TOKEN_ENCRYPTION_ENC_VALUES_SUPPORTED("id_token_encryption_enc_values_supported", Set.of(AUTHORIZATION),
            f -> JweEncryption.valueList()),
    USERINFO_ENCRYPTION_ALG_VALUES_SUPPORTED("userinfo_encryption_alg_values_supported", Set.of(USERINFO),
            f -> JweAlgorithm.valueList()),
    USERINFO_ENCRYPTION_ENC_VALUES_SUPPORTED("userinfo_encryption_enc_values_supported", Set.of(USERINFO),
            f -> JweEncryption.valueList()),
    REQUEST_OBJECT_ENCRYPTION_ALG_VALUES_SUPPORTED("request_object_encryption_alg_values_supported", Set.of(AUTHORIZATION),
            f -> JweAlgorithm.valueList()),
    REQUEST_OBJECT_ENCRYPTION_ENC_VALUES_SUPPORTED("request_object_encryption_enc_values_supported", Set.of(AUTHORIZATION),
            f -> JweEncryption.valueList()),
    TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED("token_endpoint_auth_methods_supported", Set.of(TOKEN),
            f -> methods(f, m -> true)),
    TOKEN_ENDPOINT_AUTH_SIGNING_ALG_VALUES_SUPPORTED("token_endpoint_auth_signing_alg_values_supported", Set.of(TOKEN),
            f -> assertionAlgorithms(f, m -> true)),
    /** RFC 7009 2.1: public clients revoke their own tokens, so {@code none} is accepted. */
    REVOCATION_ENDPOINT_AUTH_METHODS_SUPPORTED("revocation_endpoint_auth_methods_supported", Set.of(REVOCATION),
            f -> methods(f, m -> true)),
    REVOCATION_ENDPOINT_AUTH_SIGNING_ALG_VALUES_SUPPORTED("revocation_endpoint_auth_signing_alg_values_supported",
            Set.of(REVOCATION), f -> assertionAlgorithms(f, m -> true)),
    /** RFC 7662 2.1: the caller must authenticate, so no {@code none}. */
    INTROSPECTION_ENDPOINT_AUTH_METHODS_SUPPORTED("introspection_endpoint_auth_methods_supported", Set.of(INTROSPECTION),
            f -> methods(f, MetadataMember::authenticates)),
    INTROSPECTION_ENDPOINT_AUTH_SIGNING_ALG_VALUES_SUPPORTED("introspection_endpoint_auth_signing_alg_values_supported",
            Set.of(INTROSPECTION), f -> assertionAlgorithms(f, MetadataMember::authenticates)),
    /** RFC 9449 5.1: the proof algorithms; DpopProofs accepts every JwsAlgorithm (DpopDiscoveryTest holds them equal). */
    DPOP_SIGNING_ALG_VALUES_SUPPORTED("dpop_signing_alg_values_supported", Set.of(TOKEN),
            f -> Arrays.stream(JwsAlgorithm.values()).map(JwsAlgorithm::name).toList()),
    CLAIMS_SUPPORTED("claims_supported", Set.of(USERINFO), ProviderFacts::claims),
    CLAIM_TYPES_SUPPORTED("claim_types_supported", Set.of(USERINFO), f -> List.of("normal")),
    CLAIMS_PARAMETER_SUPPORTED("claims_parameter_supported", Set.of(AUTHORIZATION), f -> true),
    REQUEST_PARAMETER_SUPPORTED("request_parameter_supported", Set.of(AUTHORIZATION), f -> true),
    // OIDC Core 6.2 (mandatory for dynamic OPs, 15.2): request objects by reference, fetched from the client's URL.
    REQUEST_URI_PARAMETER_SUPPORTED("request_uri_parameter_supported", Set.of(AUTHORIZATION), f -> true),
    // Discovery 3: a client may use only the request_uris it registered (OIDC Registration 2); the authorize service's
    // gatehouse.authorization.request-uri.allow-unregistered relaxes that without changing this member.
    REQUIRE_REQUEST_URI_REGISTRATION("require_request_uri_registration", Set.of(AUTHORIZATION), f -> true),
    REQUIRE_PUSHED_AUTHORIZATION_REQUESTS("require_pushed_authorization_requests", Set.of(PUSHED_AUTHORIZATION_REQUEST),
            f -> false),
    /** OIDC Core 2 acr, asserted per login: password, or password and TOTP (issue 21.2). */
    ACR_VALUES_SUPPORTED("acr_values_supported", Set.of(AUTHORIZATION), f -> AcrValue.valueList()),
    PROMPT_VALUES_SUPPORTED("prompt_values_supported", Set.of(AUTHORIZATION),
            f -> List.of("none", "login", "consent", "select_account")),
    CODE_CHALLENGE_METHODS_SUPPORTED("code_challenge_methods_supported", Set.of(),
            f -> Supported.advertised(PkceMethod.values(), f.served())),
    AUTHORIZATION_RESPONSE_ISS_PARAMETER_SUPPORTED("authorization_response_iss_parameter_supported",
            Set.of(AUTHORIZATION), f -> true),
    UI_LOCALES_SUPPORTED("ui_locales_supported", Set.of(), f -> Supported.advertised(UiLocale.values(), f.served())),
    FRONTCHANNEL_LOGOUT_SUPPORTED("frontchannel_logout_supported", Set.of(END_SESSION), f -> true),
    FRONTCHANNEL_LOGOUT_SESSION_SUPPORTED("frontchannel_logout_session_supported", Set.of(END_SESSION), f -> true),
    BACKCHANNEL_LOGOUT_SUPPORTED("backchannel_logout_supported", Set.of(END_SESSION), f -> true),
    BACKCHANNEL_LOGOUT_SESSION_SUPPORTED("backchannel_logout_session_supported", Set.of(END_SESSION), f -> true);

    private final String member;
    private final Set<Endpoint> requires;
    private final Function<ProviderFacts, Object> value;

    MetadataMember(String member, Set<Endpoint> requires, Function<ProviderFacts, Object> value) {
        this.member = member;
        this.requires = requires;
        this.value = value;
    }

    /** The member name in the document. */
    public String member() {
        return member;
    }

    /** Endpoints that must all be served for the member to appear (its values may require more). */
    public Set<Endpoint> requires() {
        return requires;
    }

    /** The member's value, or empty when it is not advertised. */
    public Optional<Object> value(ProviderFacts facts) {
        if (!facts.served().containsAll(requires)) {
            return Optional.empty();
        }
        Object v = value.apply(facts);
        if (v == null || v instanceof Collection<?> c && c.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** The methods with a registered authenticator (ProviderFacts.clientAuthMethods) that {@code accepted} keeps. */
    private static List<String> methods(ProviderFacts f, Predicate<String> accepted) {
        return f.clientAuthMethods().keySet().stream().filter(accepted).toList();
    }

    /** Whether a method proves who the client is ({@code none} does not). */
    private static boolean authenticates(String method) {
        return !ClientAuthMethod.NONE.value().equals(method);
    }

    /** RFC 8414 2: present when a JWT method is; never {@code none}. */
    private static List<String> assertionAlgorithms(ProviderFacts f, Predicate<String> accepted) {
        Set<String> algs = new LinkedHashSet<>();
        f.clientAuthMethods().forEach((method, list) -> {
            if (accepted.test(method)) {
                algs.addAll(list);
            }
        });
        return List.copyOf(algs);
    }
}
