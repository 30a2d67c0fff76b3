package io.gatehouse.token.grant;

import io.gatehouse.model.error.OAuthError;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** A scope (RFC 6749 3.3): a set of space-delimited, case-sensitive scope tokens. Pure. */
public record Scope(Set<String> tokens) {

    public static final String OPENID = "openid";
    /** RFC 6749 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    private static final Pattern TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    public Scope {
        tokens = Collections.unmodifiableSet(new LinkedHashSet<>(tokens));
    }

    /** Parses a scope value; null or blank is the empty scope; a malformed token is {@code invalid_scope}. */
    public static Scope parse(String value) {
        Set<String> tokens = new LinkedHashSet<>();
        if (value != null) {
            for (String t : value.split(" ")) {
                if (t.isEmpty()) {
                    continue;
                }
                if (!TOKEN.matcher(t).matches()) {
                    throw OAuthError.invalidScope("the scope is malformed").toException();
                }
                tokens.add(t);
            }
        }
        return new Scope(tokens);
    }

    public boolean contains(String token) {
        return tokens.contains(token);
    }

    public boolean within(Scope other) {
        return other.tokens.containsAll(tokens);
    }

    @Override
    public String toString() {
        return String.join(" ", tokens);
    }
}
