package io.gatehouse.model.claims;

import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.jose.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code claims} request parameter (OIDC Core 5.5): individual claims asked for in userinfo and in the ID
 * token. Members that are not understood are ignored (5.5); anything that is not the JSON shape 5.5 defines is an
 * {@code invalid_request}. Stored with the grant as {@link #toJson()} and read back with {@link #fromJson(Map)}.
 */
public record ClaimsRequest(Map<String, IndividualClaimRequest> userinfo, Map<String, IndividualClaimRequest> idToken) {

    public static final ClaimsRequest NONE = new ClaimsRequest(Map.of(), Map.of());
    /** Longer parameters are refused before parsing. */
    public static final int MAX_LENGTH = 8 * 1024;

    public ClaimsRequest {
        userinfo = Collections.unmodifiableMap(new LinkedHashMap<>(userinfo));
        idToken = Collections.unmodifiableMap(new LinkedHashMap<>(idToken));
    }

    /** Parses the {@code claims} parameter; null or blank means no claims request. */
    public static ClaimsRequest parse(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return NONE;
        }
        if (parameter.length() > MAX_LENGTH) {
            throw invalid("the claims parameter is too long");
        }
        Map<String, Object> json = Json.readObject(parameter);
        if (json == null) {
            throw invalid("the claims parameter is not a JSON object");
        }
        if (!storableText(json)) {
            // Kept with the grant as JSON text: a NUL or a lone surrogate (RFC 8259 8.2) could not be stored back.
            throw invalid("the claims parameter contains a NUL character or invalid Unicode");
        }
        return fromJson(json);
    }

    /** Whether every string (member names included) is well-formed Unicode without NUL. */
    private static boolean storableText(Object json) {
        if (json instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == 0) {
                    return false;
                }
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
        if (json instanceof Map<?, ?> m) {
            return m.entrySet().stream().allMatch(e -> storableText(String.valueOf(e.getKey())) && storableText(e.getValue()));
        }
        if (json instanceof List<?> l) {
            return l.stream().allMatch(ClaimsRequest::storableText);
        }
        return true;
    }

    /** The request from its parsed JSON object (as stored in {@code grants.claims}); null means none. */
    public static ClaimsRequest fromJson(Map<String, Object> json) {
        if (json == null) {
            return NONE;
        }
        return new ClaimsRequest(member(json, "userinfo"), member(json, "id_token"));
    }

    private static Map<String, IndividualClaimRequest> member(Map<String, Object> json, String name) {
        Object m = json.get(name);
        if (m == null) {
            return Map.of();
        }
        if (!(m instanceof Map<?, ?> claims)) {
            throw invalid("claims." + name + " must be a JSON object");
        }
        Map<String, IndividualClaimRequest> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : claims.entrySet()) {
            out.put(e.getKey().toString(), individual(name + "." + e.getKey(), e.getValue()));
        }
        return out;
    }

    private static IndividualClaimRequest individual(String where, Object request) {
        if (request == null) {
            return IndividualClaimRequest.DEFAULT;
        }
        if (!(request instanceof Map<?, ?> r)) {
            throw invalid("claims." + where + " must be null or a JSON object");
        }
        Object essential = r.get("essential");
        if (essential != null && !(essential instanceof Boolean)) {
            throw invalid("claims." + where + ".essential must be a boolean");
        }
        Object values = r.get("values");
        if (values != null && !(values instanceof List<?>)) {
            throw invalid("claims." + where + ".values must be an array");
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) values;
        return new IndividualClaimRequest(Boolean.TRUE.equals(essential), r.get("value"), list);
    }

    private static OAuthException invalid(String description) {
        return OAuthError.invalidRequest(description).toException();
    }

    public boolean isEmpty() {
        return userinfo.isEmpty() && idToken.isEmpty();
    }

    /**
     * The {@code sub} value the ID token member asks for (OIDC Core 3.1.2.2, 5.5.1): the authorization server must
     * not answer with an ID token for another subject.
     */
    public Optional<Object> requestedIdTokenSubject() {
        IndividualClaimRequest sub = idToken.get(StandardClaims.SUB);
        return sub == null ? Optional.empty() : Optional.ofNullable(sub.value());
    }

    /** JSON form, for storage with the authorization code and grant. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!userinfo.isEmpty()) {
            m.put("userinfo", toJson(userinfo));
        }
        if (!idToken.isEmpty()) {
            m.put("id_token", toJson(idToken));
        }
        return m;
    }

    private static Map<String, Object> toJson(Map<String, IndividualClaimRequest> claims) {
        Map<String, Object> m = new LinkedHashMap<>();
        claims.forEach((k, v) -> m.put(k, v.toJson()));
        return m;
    }
}
