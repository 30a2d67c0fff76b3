package io.gatehouse.model.registration;

import io.gatehouse.model.error.OAuthException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The JSON value shapes of client metadata members (RFC 7591 2): each check returns the value or refuses it. */
final class MetadataValues {

    /** RFC 6749 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    /** JWK members that carry private or symmetric key material (RFC 7518 6.2.2, 6.3.2, 6.4.1). */
    private static final Set<String> PRIVATE_JWK_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private MetadataValues() {
    }

    static OAuthException invalid(String member, String problem) {
        return RegistrationError.invalidClientMetadata(member + " " + problem).toException();
    }

    /** Whether a parsed JSON value holds U+0000 in any string or member name (PostgreSQL text cannot store it). */
    static boolean containsNul(Object value) {
        if (value instanceof String s) {
            return s.indexOf('\0') >= 0;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (containsNul(e.getKey()) || containsNul(e.getValue())) {
                    return true;
                }
            }
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (containsNul(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String string(String member, Object value) {
        if (!(value instanceof String s)) {
            throw invalid(member, "must be a string");
        }
        return s;
    }

    static String nonEmptyString(String member, Object value) {
        String s = string(member, value);
        if (s.isBlank()) {
            throw invalid(member, "must not be empty");
        }
        return s;
    }

    /** A JSON array of non-empty strings, duplicates removed, order kept. */
    static List<String> strings(String member, Object value) {
        if (!(value instanceof List<?> list)) {
            throw invalid(member, "must be an array of strings");
        }
        Set<String> out = new LinkedHashSet<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isBlank()) {
                throw invalid(member, "must be an array of non-empty strings");
            }
            out.add(s);
        }
        return new ArrayList<>(out);
    }

    static boolean bool(String member, Object value) {
        if (!(value instanceof Boolean b)) {
            throw invalid(member, "must be true or false");
        }
        return b;
    }

    static long nonNegativeInteger(String member, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            long n = ((Number) value).longValue();
            if (n >= 0 && !(value instanceof java.math.BigInteger big && big.bitLength() > 62)) {
                return n;
            }
        }
        throw invalid(member, "must be a non-negative integer");
    }

    static String oneOf(String member, Object value, Set<String> allowed) {
        String s = string(member, value);
        if (!allowed.contains(s)) {
            throw invalid(member, "value " + s + " is not supported");
        }
        return s;
    }

    /** Parses an absolute URI; null when {@code value} is not one. */
    static URI absoluteUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * An absolute http(s) URL with a host and no fragment, as pages and logout endpoints are (OIDC Registration 2).
     * {@code httpsOnly} refuses http; otherwise http is accepted.
     */
    static String url(String member, Object value, boolean httpsOnly) {
        String s = nonEmptyString(member, value);
        URI uri = absoluteUri(s);
        if (uri == null || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(member, "must be an absolute URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (httpsOnly ? !scheme.equals("https") : !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid(member, httpsOnly ? "must use the https scheme" : "must use the http or https scheme");
        }
        if (s.indexOf('#') >= 0) {
            throw invalid(member, "must not contain a fragment");
        }
        return s;
    }

    /** RFC 6749 3.3 scope: space-delimited scope tokens. */
    static String scope(String member, Object value) {
        String s = string(member, value);
        Set<String> tokens = new LinkedHashSet<>();
        for (String token : s.split(" ")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!SCOPE_TOKEN.matcher(token).matches()) {
                throw invalid(member, "contains an invalid scope token");
            }
            tokens.add(token);
        }
        if (tokens.isEmpty()) {
            throw invalid(member, "must name at least one scope");
        }
        return String.join(" ", tokens);
    }

    /** RFC 7591 2 jwks: a JWK Set (RFC 7517 5) of public keys only. */
    static Map<String, Object> jwkSet(String member, Object value) {
        if (!(value instanceof Map<?, ?> set) || !(set.get("keys") instanceof List<?> keys) || keys.isEmpty()) {
            throw invalid(member, "must be a JWK Set with a non-empty keys array");
        }
        for (Object key : keys) {
            if (!(key instanceof Map<?, ?> jwk) || !(jwk.get("kty") instanceof String)) {
                throw invalid(member, "must contain JWKs with a kty member");
            }
            for (String privateMember : PRIVATE_JWK_MEMBERS) {
                if (jwk.containsKey(privateMember)) {
                    throw invalid(member, "must contain public keys only");
                }
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) set);
        return copy;
    }
}
