package io.gatehouse.model.authorization;

import io.gatehouse.model.error.OAuthError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response of the authorization endpoint (RFC 6749 4.1.2, 4.2.2; OIDC Core 3.1.2.5, 3.2.2.5, 3.3.2.5; errors
 * 4.1.2.1, 3.1.2.6) on its way to the client's verified redirect_uri, with {@code iss} always (RFC 9207 2).
 */
public record AuthorizationResponse(String redirectUri, ResponseMode mode, Map<String, String> parameters) {

    public AuthorizationResponse {
        Map<String, String> copy = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        parameters = Collections.unmodifiableMap(copy);
    }

    /** An error response: error, error_description, state (when the request had one) and iss. */
    public static AuthorizationResponse error(String redirectUri, ResponseMode mode, OAuthError error, String state, String issuer) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("error", error.code());
        p.put("error_description", printable(error.description()));
        p.put("state", state);
        p.put("iss", issuer);
        return new AuthorizationResponse(redirectUri, mode, p);
    }

    public boolean isError() {
        return parameters.containsKey("error");
    }

    /**
     * The Location for the query and fragment modes. Query: appended to any query the registered URI has
     * (RFC 6749 3.1.2); fragment: the whole fragment (registered URIs have none, RFC 6749 3.1.2).
     */
    public String location() {
        String encoded = encode(parameters);
        return switch (mode) {
            case QUERY -> redirectUri + (redirectUri.contains("?") ? (redirectUri.endsWith("?") || redirectUri.endsWith("&") ? "" : "&") : "?") + encoded;
            case FRAGMENT -> redirectUri + "#" + encoded;
            case FORM_POST -> throw new IllegalStateException("form_post responses are pages, not redirects");
        };
    }

    static String encode(Map<String, String> parameters) {
        StringBuilder b = new StringBuilder();
        parameters.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }

    /** RFC 6749 4.1.2.1: error_description is limited to %x20-21 / %x23-5B / %x5D-7E. */
    static String printable(String description) {
        if (description == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(description.length());
        for (char c : description.toCharArray()) {
            b.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : ' ');
        }
        return b.toString();
    }
}
