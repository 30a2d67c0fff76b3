package io.gatehouse.model.authorization;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The response types Gatehouse serves (RFC 6749 3.1.1; OAuth 2.0 Multiple Response Type Encoding Practices 3-5;
 * OIDC Core 3). The parameter is a space-separated list whose order does not matter (RFC 6749 3.1.1).
 */
public enum ResponseType {
    CODE("code"),
    ID_TOKEN("id_token"),
    ID_TOKEN_TOKEN("id_token token"),
    CODE_ID_TOKEN("code id_token"),
    CODE_TOKEN("code token"),
    CODE_ID_TOKEN_TOKEN("code id_token token");

    private final String value;
    private final Set<String> words;

    ResponseType(String value) {
        this.value = value;
        this.words = Set.copyOf(Arrays.asList(value.split(" ")));
    }

    /** The canonical parameter value, e.g. {@code code id_token}. */
    public String value() {
        return value;
    }

    /** The response type a parameter names, in any word order; empty when Gatehouse does not serve it. */
    public static Optional<ResponseType> parse(String parameter) {
        if (parameter == null) {
            return Optional.empty();
        }
        String[] given = parameter.trim().split(" +");
        Set<String> words = new TreeSet<>(Arrays.asList(given));
        if (words.size() != given.length) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.words.equals(words)).findFirst();
    }

    /** An authorization code is returned from the authorization endpoint. */
    public boolean hasCode() {
        return words.contains("code");
    }

    /** An ID token is returned from the authorization endpoint. */
    public boolean hasIdToken() {
        return words.contains("id_token");
    }

    /** An access token is returned from the authorization endpoint. */
    public boolean hasToken() {
        return words.contains("token");
    }

    /** Anything but a code travels in the front channel: never in the query (Multiple Response Types 2.1). */
    public boolean carriesTokens() {
        return hasIdToken() || hasToken();
    }

    /** Multiple Response Types 2.1, 5: query for code, fragment for everything that carries a token. */
    public ResponseMode defaultResponseMode() {
        return carriesTokens() ? ResponseMode.FRAGMENT : ResponseMode.QUERY;
    }
}
