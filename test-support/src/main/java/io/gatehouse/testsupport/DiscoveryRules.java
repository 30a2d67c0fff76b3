package io.gatehouse.testsupport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a provider configuration document must satisfy: OIDC Discovery 1.0 section 3 and 4.3, RFC 8414
 * section 2, and the Config OP checks of the OpenID conformance suite (CONFORMANCE.md section 2). Returns the
 * violations, so one assertion shows them all. Plain maps in, for unit tests, service tests and end-to-end tests.
 */
public final class DiscoveryRules {

    /** Response types of which the conformance suite needs at least one (OIDCCCheckDiscEndpointResponseTypesSupported). */
    private static final Set<String> OIDC_RESPONSE_TYPES = Set.of("code", "code id_token", "id_token", "id_token token",
            "code id_token token", "code token");
    private static final Set<String> BOOLEAN_MEMBERS = Set.of("claims_parameter_supported", "request_parameter_supported",
            "request_uri_parameter_supported", "require_request_uri_registration", "authorization_response_iss_parameter_supported",
            "frontchannel_logout_supported", "frontchannel_logout_session_supported", "backchannel_logout_supported",
            "backchannel_logout_session_supported");
    private static final Set<String> PRIVATE_JWK_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "k", "oth");
    /** BCP 47 language tag, simplified (CheckDiscEndpointLocalesSyntax). */
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final String SUFFIX = "/.well-known/openid-configuration";

    private DiscoveryRules() {
    }

    /**
     * Violations of {@code doc} fetched from {@code discoveryUrl}. With {@code complete}, the members that are
     * REQUIRED of a provider that serves the authorization and token endpoints must be there too.
     */
    public static List<String> violations(Map<String, Object> doc, String discoveryUrl, boolean complete) {
        List<String> v = new ArrayList<>();
        Object issuer = doc.get("issuer");
        if (!(issuer instanceof String iss)) {
            v.add("issuer missing");
        } else {
            // Discovery 4.3, 7.2: the issuer is the discovery URL minus the well-known suffix (trailing slash ignored).
            if (discoveryUrl.endsWith(SUFFIX)) {
                String expected = discoveryUrl.substring(0, discoveryUrl.length() - SUFFIX.length());
                if (!strip(iss).equals(strip(expected))) {
                    v.add("issuer " + iss + " is not the discovery URL minus " + SUFFIX);
                }
            }
            URI u = uri(iss);
            if (u == null || !u.isAbsolute() || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
                    || u.getRawQuery() != null || u.getRawFragment() != null) {
                v.add("issuer must be an absolute http(s) URL without query or fragment (RFC 8414 2)");
            }
        }
        required(doc, v, "jwks_uri", "subject_types_supported", "id_token_signing_alg_values_supported");
        if (complete) {
            required(doc, v, "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "response_types_supported",
                    "scopes_supported", "claims_supported");
        }
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            String name = e.getKey();
            Object value = e.getValue();
            if (name.endsWith("_endpoint") || name.equals("jwks_uri") || name.equals("check_session_iframe")) {
                URI u = value instanceof String s ? uri(s) : null;
                if (u == null || !u.isAbsolute() || u.getHost() == null || u.getRawFragment() != null) {
                    v.add(name + " is not an absolute URL: " + value);
                }
            } else if (name.endsWith("_supported") && !BOOLEAN_MEMBERS.contains(name)) {
                if (!(value instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(x -> x instanceof String)) {
                    v.add(name + " must be a non-empty array of strings");
                }
            } else if (BOOLEAN_MEMBERS.contains(name) && !(value instanceof Boolean)) {
                v.add(name + " must be a boolean");
            }
        }
        List<?> subjects = list(doc, "subject_types_supported");
        if (subjects != null && !(subjects.contains("public") || subjects.contains("pairwise"))) {
            v.add("subject_types_supported names neither public nor pairwise");
        }
        List<?> idAlgs = list(doc, "id_token_signing_alg_values_supported");
        if (idAlgs != null && !idAlgs.contains("RS256")) {
            v.add("id_token_signing_alg_values_supported lacks RS256 (OIDC Core 15.1)");
        }
        List<?> responseTypes = list(doc, "response_types_supported");
        if (responseTypes != null && responseTypes.stream().noneMatch(OIDC_RESPONSE_TYPES::contains)) {
            v.add("response_types_supported has no OpenID Connect response type");
        }
        List<?> scopes = list(doc, "scopes_supported");
        if (scopes != null && !scopes.contains("openid")) {
            v.add("scopes_supported lacks openid");
        }
        if (scopes != null && scopes.stream().anyMatch(s -> !(s instanceof String str) || str.isEmpty() || str.contains(" "))) {
            v.add("scopes_supported has a value that is not a scope token (RFC 6749 3.3)");
        }
        for (String locales : List.of("ui_locales_supported", "claims_locales_supported")) {
            List<?> l = list(doc, locales);
            if (l != null && l.stream().anyMatch(x -> !(x instanceof String s) || !LOCALE.matcher(s).matches())) {
                v.add(locales + " has a value that is not a BCP 47 language tag");
            }
        }
        for (String endpoint : List.of("token_endpoint", "revocation_endpoint", "introspection_endpoint")) {
            List<?> methods = list(doc, endpoint + "_auth_methods_supported");
            List<?> algs = list(doc, endpoint + "_auth_signing_alg_values_supported");
            if (methods != null && (methods.contains("private_key_jwt") || methods.contains("client_secret_jwt")) && algs == null) {
                v.add(endpoint + "_auth_signing_alg_values_supported must be present with a JWT method (RFC 8414 2)");
            }
            if (algs != null && algs.contains("none")) {
                v.add(endpoint + "_auth_signing_alg_values_supported must not contain none (RFC 8414 2)");
            }
        }
        return v;
    }

    /** Violations of a JWK Set for signature keys: kid (distinct), kty, use sig, alg; no private member. */
    public static List<String> jwksViolations(Map<String, Object> jwks) {
        List<String> v = new ArrayList<>();
        if (!(jwks.get("keys") instanceof List<?> keys) || keys.isEmpty()) {
            v.add("keys must be a non-empty array");
            return v;
        }
        Set<Object> kids = new java.util.HashSet<>();
        for (Object o : keys) {
            if (!(o instanceof Map<?, ?> key)) {
                v.add("a key is not an object");
                continue;
            }
            for (String member : List.of("kid", "kty", "use")) {
                if (!(key.get(member) instanceof String)) {
                    v.add("key " + key.get("kid") + " lacks " + member);
                }
            }
            // OIDC Discovery 3: with signing and encryption keys in one set, every key says its use
            if ("sig".equals(key.get("use")) && !(key.get("alg") instanceof String)) {
                v.add("signing key " + key.get("kid") + " lacks alg");
            } else if (!"sig".equals(key.get("use")) && !"enc".equals(key.get("use"))) {
                v.add("key " + key.get("kid") + " is neither use sig nor use enc");
            }
            if (!kids.add(key.get("kid"))) {
                v.add("kid " + key.get("kid") + " is not distinct");
            }
            for (String p : PRIVATE_JWK_MEMBERS) {
                if (key.containsKey(p)) {
                    v.add("key " + key.get("kid") + " carries the private member " + p);
                }
            }
        }
        return v;
    }

    private static void required(Map<String, Object> doc, List<String> v, String... members) {
        for (String m : members) {
            if (!doc.containsKey(m)) {
                v.add(m + " missing");
            }
        }
    }

    private static List<?> list(Map<String, Object> doc, String name) {
        return doc.get(name) instanceof List<?> l ? l : null;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static URI uri(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
