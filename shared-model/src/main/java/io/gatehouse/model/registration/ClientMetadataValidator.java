package io.gatehouse.model.registration;

import static io.gatehouse.model.registration.MetadataValues.invalid;

import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.jose.JweAlgorithm;
import io.gatehouse.model.jose.JweEncryption;
import io.gatehouse.model.subject.PairwiseSubject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Validates a client metadata document (RFC 7591 2, OIDC Registration 2) and fills in the defaults. Every member
 * Gatehouse understands is checked for its shape; the cross-member rules follow (response and grant types,
 * redirect URIs by application type, keys, logout URIs, scopes). Members it does not understand are dropped
 * (RFC 7591 2: "MUST ignore"); members it understands but does not support are refused. Pure: the
 * sector_identifier_uri document is fetched and checked by the caller ({@link SectorIdentifierDocument}).
 * Errors are {@code invalid_redirect_uri} or {@code invalid_client_metadata} (RFC 7591 3.2.2).
 */
public final class ClientMetadataValidator {

    public static final Set<String> GRANT_TYPES = Set.of("authorization_code", "implicit", "refresh_token",
            "client_credentials", "urn:ietf:params:oauth:grant-type:device_code",
            "urn:ietf:params:oauth:grant-type:token-exchange");
    /**
     * RFC 7591 2 token_endpoint_auth_method. client_secret_jwt's secret is an HMAC key, kept encrypted
     * ({@code ClientSecretEncryption}); the other secret methods keep only its hash.
     */
    public static final Set<String> AUTH_METHODS = Set.of("client_secret_basic", "client_secret_post", "client_secret_jwt",
            "private_key_jwt", "none");
    public static final Set<String> APPLICATION_TYPES = Set.of("web", "native");
    /** OIDC Registration 2: members that may carry a BCP 47 language tag ({@code client_name#ja-Jpan-JP}). */
    public static final Set<String> LOCALIZABLE = Set.of("client_name", "logo_uri", "client_uri", "policy_uri", "tos_uri");
    /** Values the server provisions; a client's copy in a request is ignored (RFC 7592 2.2). */
    static final Set<String> SERVER_PROVISIONED = Set.of("client_id", "client_secret", "client_id_issued_at",
            "client_secret_expires_at", "registration_access_token", "registration_client_uri");
    /** Understood but not supported (JARM's encrypted responses): refused rather than silently ignored. */
    static final Set<String> UNSUPPORTED_MEMBERS = Set.of("authorization_encrypted_response_alg",
            "authorization_encrypted_response_enc");
    private static final List<String> LEADING = List.of("redirect_uris", "response_types", "grant_types", "application_type",
            "token_endpoint_auth_method", "scope");
    /** BCP 47 language tag (RFC 5646), syntax only. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    private final RegistrationPolicy policy;
    private final Map<String, BiFunction<String, Object, Object>> members = new LinkedHashMap<>();

    public ClientMetadataValidator(RegistrationPolicy policy) {
        this.policy = policy;
        Set<String> algs = policy.signingAlgorithms();
        Set<String> requestObjectAlgs = new HashSet<>(algs);
        requestObjectAlgs.add("none"); // OIDC Core 6.1: request objects may be unsigned
        members.put("redirect_uris", MetadataValues::strings);
        members.put("response_types", ClientMetadataValidator::responseTypes);
        members.put("grant_types", ClientMetadataValidator::grantTypes);
        members.put("application_type", (m, v) -> MetadataValues.oneOf(m, v, APPLICATION_TYPES));
        members.put("contacts", MetadataValues::strings);
        members.put("client_name", MetadataValues::nonEmptyString);
        members.put("logo_uri", (m, v) -> MetadataValues.url(m, v, false));
        members.put("client_uri", (m, v) -> MetadataValues.url(m, v, false));
        members.put("policy_uri", (m, v) -> MetadataValues.url(m, v, false));
        members.put("tos_uri", (m, v) -> MetadataValues.url(m, v, false));
        members.put("jwks_uri", this::jwksUri);
        members.put("jwks", MetadataValues::jwkSet);
        members.put("sector_identifier_uri", (m, v) -> MetadataValues.url(m, v, true)); // OIDC Registration 2: https
        members.put("subject_type", ClientMetadataValidator::subjectType);
        members.put("id_token_signed_response_alg", (m, v) -> MetadataValues.oneOf(m, v, algs));
        members.put("userinfo_signed_response_alg", (m, v) -> MetadataValues.oneOf(m, v, algs));
        members.put("request_object_signing_alg", (m, v) -> MetadataValues.oneOf(m, v, requestObjectAlgs));
        for (EncryptedJwt jwt : EncryptedJwt.values()) { // OIDC Registration 2, Core 10.2
            members.put(jwt.algMember(), (m, v) -> MetadataValues.oneOf(m, v, Set.copyOf(JweAlgorithm.valueList())));
            members.put(jwt.encMember(), (m, v) -> MetadataValues.oneOf(m, v, Set.copyOf(JweEncryption.valueList())));
        }
        members.put("token_endpoint_auth_method", ClientMetadataValidator::authMethod);
        // OIDC Registration 2: "none" MUST NOT be used; the value must be one the method's authenticator verifies
        // (checked against the method below).
        members.put("token_endpoint_auth_signing_alg", MetadataValues::string);
        members.put("default_max_age", MetadataValues::nonNegativeInteger);
        members.put("require_auth_time", MetadataValues::bool);
        members.put("default_acr_values", MetadataValues::strings);
        members.put("initiate_login_uri", (m, v) -> MetadataValues.url(m, v, true)); // OIDC Registration 2: https
        members.put("request_uris", ClientMetadataValidator::requestUris);
        members.put("post_logout_redirect_uris", MetadataValues::strings);
        members.put("backchannel_logout_uri", (m, v) -> MetadataValues.url(m, v, false));
        members.put("backchannel_logout_session_required", MetadataValues::bool);
        members.put("frontchannel_logout_uri", (m, v) -> MetadataValues.url(m, v, false));
        members.put("frontchannel_logout_session_required", MetadataValues::bool);
        members.put("scope", MetadataValues::scope);
        members.put("software_id", MetadataValues::nonEmptyString);
        members.put("software_version", MetadataValues::nonEmptyString);
        members.put("require_signed_request_object", MetadataValues::bool); // RFC 9101 10.5
        members.put("dpop_bound_access_tokens", MetadataValues::bool); // RFC 9449 5.2
        members.put("require_pushed_authorization_requests", MetadataValues::bool); // RFC 9126 6
        members.put(TokenExchangePolicy.MEMBER, this::tokenExchange); // RFC 8693: who may exchange what
    }

    /** The member names this validator keeps (without language tags). */
    public Set<String> understoodMembers() {
        return members.keySet();
    }

    /**
     * Validates {@code request} (a parsed JSON object) and returns the normalised metadata.
     *
     * @throws OAuthException invalid_redirect_uri or invalid_client_metadata
     */
    public ClientMetadata validate(Map<String, Object> request) {
        if (MetadataValues.containsNul(request)) {
            throw RegistrationError.invalidClientMetadata("the metadata must not contain NUL characters").toException();
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : request.entrySet()) {
            String name = e.getKey();
            if (e.getValue() == null || SERVER_PROVISIONED.contains(name)) {
                continue; // RFC 7592 2.2: null or omitted members are not registered
            }
            int hash = name.indexOf('#');
            String base = hash < 0 ? name : name.substring(0, hash);
            if (hash >= 0) {
                if (!LOCALIZABLE.contains(base)) {
                    continue;
                }
                if (!LANGUAGE_TAG.matcher(name.substring(hash + 1)).matches()) {
                    throw invalid(name, "does not carry a valid BCP 47 language tag (OIDC Registration 2.1)");
                }
            }
            if (UNSUPPORTED_MEMBERS.contains(base)) {
                throw invalid(base, "is not supported: Gatehouse does not issue JWT-secured authorization responses");
            }
            BiFunction<String, Object, Object> check = members.get(base);
            if (check != null) {
                checked.put(name, check.apply(name, e.getValue()));
            }
        }
        return crossCheck(checked);
    }

    @SuppressWarnings("unchecked")
    private ClientMetadata crossCheck(Map<String, Object> doc) {
        List<String> grantTypes = (List<String>) doc.get("grant_types");
        List<String> responseTypes = (List<String>) doc.get("response_types");
        if (responseTypes == null) {
            // RFC 7591 2: default code; a client that asks for no redirect-based grant gets none.
            boolean redirectGrant = grantTypes == null || grantTypes.contains("authorization_code") || grantTypes.contains("implicit");
            responseTypes = redirectGrant ? List.of("code") : List.of();
        }
        if (grantTypes == null) {
            // RFC 7591 2: default authorization_code; OIDC Registration 2: whatever the response types need.
            Set<String> needed = new LinkedHashSet<>();
            responseTypes.forEach(rt -> needed.addAll(ResponseTypes.requiredGrantTypes(rt)));
            grantTypes = needed.isEmpty() ? List.of("authorization_code") : new ArrayList<>(needed);
        }
        for (String rt : responseTypes) {
            for (String grant : ResponseTypes.requiredGrantTypes(rt)) {
                if (!grantTypes.contains(grant)) {
                    // OIDC Registration 2 grant_types, RFC 7591 2.1
                    throw invalid("response_types", "value " + rt + " needs grant type " + grant + " (OIDC Registration 2)");
                }
            }
        }
        String applicationType = (String) doc.getOrDefault("application_type", "web");
        String authMethod = (String) doc.getOrDefault("token_endpoint_auth_method", "client_secret_basic");
        boolean implicit = grantTypes.contains("implicit");

        List<String> redirectUris = (List<String>) doc.getOrDefault("redirect_uris", List.of());
        if (redirectUris.isEmpty() && (grantTypes.contains("authorization_code") || implicit)) {
            // RFC 7591 2: clients using flows with redirection MUST register their redirection URIs.
            throw RegistrationError.invalidRedirectUri("redirect_uris is required for the authorization_code and implicit grants")
                    .toException();
        }
        for (String uri : redirectUris) {
            Optional<String> why = RedirectUriRules.rejection(uri, applicationType, implicit, policy.allowHttpLoopbackForWebClients());
            if (why.isPresent()) {
                throw RegistrationError.invalidRedirectUri("redirect_uri " + uri + " " + why.get()).toException();
            }
        }
        List<String> postLogout = (List<String>) doc.getOrDefault("post_logout_redirect_uris", List.of());
        for (String uri : postLogout) {
            Optional<String> why = RedirectUriRules.rejection(uri, applicationType, false, policy.allowHttpLoopbackForWebClients());
            if (why.isPresent()) {
                throw invalid("post_logout_redirect_uris", "value " + uri + " " + why.get());
            }
        }
        if (Boolean.TRUE.equals(doc.get("require_signed_request_object")) && "none".equals(doc.get("request_object_signing_alg"))) {
            throw invalid("request_object_signing_alg", "none contradicts require_signed_request_object (RFC 9101 10.5)");
        }
        if (doc.containsKey("jwks") && doc.containsKey("jwks_uri")) {
            throw invalid("jwks", "and jwks_uri must not both be present (RFC 7591 2)");
        }
        if (authMethod.equals("private_key_jwt") && !doc.containsKey("jwks") && !doc.containsKey("jwks_uri")) {
            throw invalid("token_endpoint_auth_method", "private_key_jwt needs jwks or jwks_uri");
        }
        if (doc.get("token_endpoint_auth_signing_alg") instanceof String alg) {
            Set<String> accepted = policy.assertionAlgorithms().get(authMethod);
            if (accepted == null) {
                throw invalid("token_endpoint_auth_signing_alg", "applies only to private_key_jwt and client_secret_jwt "
                        + "(OIDC Registration 2)");
            }
            if (!accepted.contains(alg)) {
                throw invalid("token_endpoint_auth_signing_alg", "value " + alg + " is not supported for " + authMethod
                        + "; supported: " + new java.util.TreeSet<>(accepted));
            }
        }
        for (EncryptedJwt jwt : EncryptedJwt.values()) {
            encryption(jwt, doc, authMethod);
        }
        if (authMethod.equals("none") && grantTypes.contains("client_credentials")) {
            throw invalid("grant_types", "client_credentials is for confidential clients only (RFC 6749 4.4)");
        }
        if (doc.get("frontchannel_logout_uri") instanceof String frontchannel && !sameOriginAsOneOf(frontchannel, redirectUris)) {
            throw invalid("frontchannel_logout_uri", "must have the scheme, host and port of a redirect_uri (Front-Channel Logout 2)");
        }
        if (PairwiseSubject.PAIRWISE.equals(doc.get("subject_type"))
                && PairwiseSubject.sectorIdentifier((String) doc.get("sector_identifier_uri"), redirectUris).isEmpty()) {
            // OIDC Core 8.1: with several redirect URI hosts (or none) the client MUST register a sector_identifier_uri.
            throw invalid("sector_identifier_uri", "is required for pairwise subjects when the redirect_uris do not "
                    + "share one host (OIDC Core 8.1)");
        }
        String scope = (String) doc.getOrDefault("scope", policy.defaultScope());
        if (policy.allowedScopes().isPresent()) {
            for (String s : scope.split(" ")) {
                if (!policy.allowedScopes().get().contains(s)) {
                    throw invalid("scope", "value " + s + " may not be registered");
                }
            }
        }

        Map<String, Object> normalised = new LinkedHashMap<>();
        normalised.put("redirect_uris", redirectUris);
        normalised.put("response_types", responseTypes);
        normalised.put("grant_types", grantTypes);
        normalised.put("application_type", applicationType);
        normalised.put("token_endpoint_auth_method", authMethod);
        normalised.put("scope", scope);
        doc.forEach((k, v) -> {
            if (!LEADING.contains(k)) {
                normalised.put(k, v);
            }
        });
        return new ClientMetadata(redirectUris, responseTypes, grantTypes, applicationType, authMethod, scope,
                Optional.ofNullable((String) doc.get("client_name")), postLogout,
                Optional.ofNullable((String) doc.get("sector_identifier_uri")), normalised);
    }

    /**
     * OIDC Registration 2: an enc needs its alg, an alg without enc means A128CBC-HS256 (filled in). An asymmetric
     * alg for what Gatehouse encrypts needs a client key (jwks or jwks_uri; a jwks by value must hold one that fits);
     * a symmetric one needs a client secret (OIDC Core 10.2), so not the none or private_key_jwt methods.
     */
    @SuppressWarnings("unchecked")
    private static void encryption(EncryptedJwt jwt, Map<String, Object> doc, String authMethod) {
        if (!doc.containsKey(jwt.algMember())) {
            if (doc.containsKey(jwt.encMember())) {
                throw invalid(jwt.encMember(), "needs " + jwt.algMember() + " (OIDC Registration 2)");
            }
            return;
        }
        doc.putIfAbsent(jwt.encMember(), JweEncryption.DEFAULT.value());
        JweAlgorithm alg = JweAlgorithm.fromValue((String) doc.get(jwt.algMember())).orElseThrow();
        if (alg.symmetric()) {
            if (!ClientMetadata.SECRET_METHODS.contains(authMethod)) {
                throw invalid(jwt.algMember(), "value " + alg.value() + " derives its key from the client secret "
                        + "(OIDC Core 10.2); token_endpoint_auth_method " + authMethod + " has none");
            }
            return;
        }
        if (!jwt.toClient()) {
            return; // the client encrypts to Gatehouse's published keys
        }
        if (!doc.containsKey("jwks") && !doc.containsKey("jwks_uri")) {
            throw invalid(jwt.algMember(), "value " + alg.value() + " needs a client key: register jwks or jwks_uri");
        }
        if (doc.get("jwks") instanceof Map<?, ?> jwks && jwks.get("keys") instanceof List<?> keys
                && io.gatehouse.model.client.ClientJwks.encryptionKey(keys.stream().filter(k -> k instanceof Map<?, ?>)
                .map(k -> (Map<String, Object>) k).toList(), alg).isEmpty()) {
            throw invalid(jwt.algMember(), "value " + alg.value() + " needs a " + alg.keyType()
                    + " key for encryption in jwks (use enc or none)");
        }
    }

    private Object jwksUri(String member, Object value) {
        String s = MetadataValues.url(member, value, false);
        URI uri = URI.create(s);
        if (uri.getScheme().equalsIgnoreCase("http")
                && !(policy.allowHttpLoopbackForWebClients() && RedirectUriRules.isLoopbackHost(uri.getHost()))) {
            throw invalid(member, "must use the https scheme");
        }
        return s;
    }

    private static Object responseTypes(String member, Object value) {
        List<String> out = new ArrayList<>();
        for (String rt : MetadataValues.strings(member, value)) {
            String canonical = ResponseTypes.canonical(rt)
                    .orElseThrow(() -> invalid(member, "value " + rt + " is not supported"));
            if (!out.contains(canonical)) {
                out.add(canonical);
            }
        }
        return out;
    }

    private static Object grantTypes(String member, Object value) {
        List<String> grants = MetadataValues.strings(member, value);
        for (String g : grants) {
            if (!GRANT_TYPES.contains(g)) {
                throw invalid(member, "value " + g + " is not supported");
            }
        }
        return grants;
    }

    /** The token exchange policy is the operators' to give: refused at dynamic registration (allowed scopes apply). */
    private Object tokenExchange(String member, Object value) {
        if (policy.allowedScopes().isPresent()) {
            throw invalid(member, "is set by operators only, through the admin API or the bootstrap file");
        }
        try {
            return TokenExchangePolicy.parse(value).toJson();
        } catch (IllegalArgumentException e) {
            throw invalid(member, e.getMessage());
        }
    }

    private static Object subjectType(String member, Object value) {
        String s = MetadataValues.string(member, value);
        if (!s.equals(PairwiseSubject.PUBLIC) && !s.equals(PairwiseSubject.PAIRWISE)) { // OIDC Core 8
            throw invalid(member, "value " + s + " is not supported");
        }
        return s;
    }

    private static Object authMethod(String member, Object value) {
        return MetadataValues.oneOf(member, MetadataValues.string(member, value), AUTH_METHODS);
    }

    private static Object requestUris(String member, Object value) {
        List<String> uris = MetadataValues.strings(member, value);
        for (String uri : uris) {
            URI parsed = MetadataValues.absoluteUri(uri);
            String scheme = parsed == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw invalid(member, "must hold absolute http or https URLs");
            }
        }
        return uris;
    }

    private static boolean sameOriginAsOneOf(String url, List<String> redirectUris) {
        URI target = URI.create(url);
        for (String r : redirectUris) {
            URI redirect = MetadataValues.absoluteUri(r);
            if (redirect != null && target.getScheme().equalsIgnoreCase(redirect.getScheme())
                    && target.getHost().equalsIgnoreCase(String.valueOf(redirect.getHost()))
                    && port(target) == port(redirect)) {
                return true;
            }
        }
        return false;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
    }
}
