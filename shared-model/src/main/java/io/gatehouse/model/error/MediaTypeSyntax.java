package io.gatehouse.model.error;

/**
 * The syntax of a {@code Content-Type} field value (RFC 9110 8.3.1, 5.6.2, 5.6.4, 5.6.6): {@code type "/" subtype
 * *( OWS ";" OWS [ parameter ] )}, a parameter being {@code token "=" ( token / quoted-string )}. A pure function, so
 * that a malformed header is refused once at the edge instead of failing some parser deep in the framework.
 */
public final class MediaTypeSyntax {

    private MediaTypeSyntax() {
    }

    public static boolean isValid(String value) {
        int[] at = {0};
        String s = value;
        if (!token(s, at) || !expect(s, at, '/') || !token(s, at)) {
            return false;
        }
        while (true) {
            ows(s, at);
            if (at[0] == s.length()) {
                return true;
            }
            if (!expect(s, at, ';')) {
                return false;
            }
            ows(s, at);
            if (at[0] == s.length() || s.charAt(at[0]) == ';') {
                continue; // RFC 9110 5.6.6: empty parameters are allowed
            }
            if (!token(s, at) || !expect(s, at, '=')) {
                return false;
            }
            if (at[0] < s.length() && s.charAt(at[0]) == '"') {
                if (!quoted(s, at)) {
                    return false;
                }
            } else if (!token(s, at)) {
                return false;
            }
        }
    }

    private static boolean token(String s, int[] at) {
        int start = at[0];
        while (at[0] < s.length() && tchar(s.charAt(at[0]))) {
            at[0]++;
        }
        return at[0] > start;
    }

    // RFC 9110 5.6.2
    private static boolean tchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    // RFC 9110 5.6.4: DQUOTE *( qdtext / quoted-pair ) DQUOTE
    private static boolean quoted(String s, int[] at) {
        at[0]++;
        while (at[0] < s.length()) {
            char c = s.charAt(at[0]++);
            if (c == '"') {
                return true;
            }
            if (c == '\\') {
                if (at[0] == s.length()) {
                    return false;
                }
                at[0]++;
            } else if (c < 0x20 && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return false;
    }

    private static boolean expect(String s, int[] at, char c) {
        if (at[0] < s.length() && s.charAt(at[0]) == c) {
            at[0]++;
            return true;
        }
        return false;
    }

    private static void ows(String s, int[] at) {
        while (at[0] < s.length() && (s.charAt(at[0]) == ' ' || s.charAt(at[0]) == '\t')) {
            at[0]++;
        }
    }
}
