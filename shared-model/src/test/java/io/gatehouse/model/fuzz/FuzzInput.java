package io.gatehouse.model.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of hostile protocol input: strings over every awkward character class (NUL and other controls,
 * invalid surrogates, percent signs, quotes, markup), parameter maps with repeated and empty values, JSON-ish text
 * that is sometimes valid, and JWS-ish compact strings. The same seed gives the same inputs; sizes are bounded so
 * that a property can never hang on its input.
 */
public final class FuzzInput {

    /** Authorization and token request parameter names (RFC 6749, OIDC Core 3.1.2.1, RFC 7636, RFC 9101, RFC 7523). */
    public static final List<String> NAMES = List.of("client_id", "redirect_uri", "response_type", "response_mode", "scope",
            "state", "nonce", "prompt", "max_age", "display", "ui_locales", "claims_locales", "id_token_hint", "login_hint",
            "acr_values", "claims", "code_challenge", "code_challenge_method", "request", "request_uri", "grant_type", "code",
            "refresh_token", "client_secret", "client_assertion", "client_assertion_type", "code_verifier", "device_code",
            "token", "token_type_hint", "access_token");
    /** Values that mean something to some parser, or used to break one. */
    public static final List<String> VALUES = List.of("", " ", "openid", "openid profile email", "offline_access", "code",
            "id_token", "token", "code id_token", "id_token token", "code id_token token", "none", "login", "consent",
            "select_account", "none login", "query", "fragment", "form_post", "0", "-1", "1e300", "99999999999999999999999",
            "9223372036854775807", "NaN", "S256", "plain", "https://rp.example/cb", "https://rp.example/cb?x=1",
            "https://rp.example/cb#f", "javascript:alert(1)", "<script>alert(1)</script>", "\u0000", "%00", "%C3%28", "%FF", "%",
            "\uD800", "\uDC00x", "\uD83D\uDE00", "\u00e9", "{}", "[]", "null", "{\"userinfo\":{\"name\":{\"essential\":true}}}",
            "{\"id_token\":{\"sub\":{\"value\":\"u1\"}}}", "{\"userinfo\":[]}", "{\"userinfo\":{\"x\":{\"values\":\"a\"}}}",
            "eyJhbGciOiJub25lIn0.e30.", "a.b.c", "a.b.c.d.e", "urn:ietf:params:oauth:request_uri:x",
            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_credentials", "authorization_code",
            "refresh_token", "urn:ietf:params:oauth:grant-type:device_code", "Basic", "Bearer", "rp", "RP");
    private static final String SPECIAL = "%&=+.;:,/?#[]{}\"'\\<>`|^~!@$*() \t\r\n\u0000\u0001\u001f\u007f";

    private final Random random;

    public FuzzInput(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public int size(int max) {
        // Mostly small, sometimes large: the interesting bugs hide at both ends.
        return random.nextInt(10) == 0 ? random.nextInt(max + 1) : random.nextInt(Math.min(max, 24) + 1);
    }

    public <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** One character from a random class; may be half of a surrogate pair. */
    public char character() {
        return switch (random.nextInt(7)) {
            case 0 -> (char) (0x20 + random.nextInt(0x5f));
            case 1 -> SPECIAL.charAt(random.nextInt(SPECIAL.length()));
            case 2 -> (char) random.nextInt(0x20);
            case 3 -> (char) (0x80 + random.nextInt(0x780));
            case 4 -> (char) (0xD800 + random.nextInt(0x800));
            case 5 -> (char) random.nextInt(0x10000);
            default -> "abcxyzABC0129-_".charAt(random.nextInt(15));
        };
    }

    public String string(int max) {
        int n = size(max);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(character());
        }
        return b.toString();
    }

    /** A string of well-formed Unicode only (no lone surrogates), for round-trip properties. */
    public String wellFormed(int max) {
        int n = size(max);
        StringBuilder b = new StringBuilder(n);
        while (b.length() < n) {
            char c = character();
            if (Character.isSurrogate(c)) {
                b.appendCodePoint(0x1F600 + random.nextInt(0x40));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** An interesting value, a random string, or an interesting value mutated. */
    public String value() {
        return switch (random.nextInt(4)) {
            case 0, 1 -> pick(VALUES);
            case 2 -> string(256);
            default -> mutate(pick(VALUES));
        };
    }

    public String name() {
        return random.nextInt(5) == 0 ? string(16) : pick(NAMES);
    }

    /** A parameter map as a request carries it: repeated names, empty and null values, unknown names. */
    public Map<String, List<String>> parameters() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        int n = size(40);
        for (int i = 0; i < n; i++) {
            List<String> values = new ArrayList<>();
            int k = random.nextInt(8) == 0 ? random.nextInt(4) : 1;
            for (int j = 0; j < k; j++) {
                values.add(random.nextInt(20) == 0 ? null : value());
            }
            m.put(name(), values);
        }
        return m;
    }

    /** Single-valued parameters (what a form parser hands on once repetition is refused). */
    public Map<String, String> single() {
        Map<String, String> m = new LinkedHashMap<>();
        int n = size(30);
        for (int i = 0; i < n; i++) {
            m.put(name(), value());
        }
        return m;
    }

    /** A valid-looking authorization request of client "rp", then mutated: removed, repeated or replaced members. */
    public Map<String, List<String>> mutatedAuthorizationRequest() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("client_id", new ArrayList<>(List.of("rp")));
        m.put("redirect_uri", new ArrayList<>(List.of("https://rp.example/cb")));
        m.put("response_type", new ArrayList<>(List.of(pick(List.of("code", "id_token", "code id_token token")))));
        m.put("scope", new ArrayList<>(List.of("openid profile")));
        m.put("state", new ArrayList<>(List.of("s")));
        m.put("nonce", new ArrayList<>(List.of("n")));
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            String name = random.nextBoolean() ? pick(new ArrayList<>(m.keySet())) : pick(NAMES);
            switch (random.nextInt(4)) {
                case 0 -> m.remove(name);
                case 1 -> m.computeIfAbsent(name, k -> new ArrayList<>()).add(value());
                case 2 -> m.put(name, new ArrayList<>(List.of(value())));
                default -> {
                    List<String> old = m.getOrDefault(name, List.of());
                    m.put(name, new ArrayList<>(List.of(mutate(old.isEmpty() || old.get(0) == null ? "x" : old.get(0)))));
                }
            }
        }
        return m;
    }

    /** Inserts, deletes, replaces or duplicates a few characters; sometimes truncates. */
    public String mutate(String s) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> b.insert(at, character());
                case 1 -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (at < b.length()) {
                        b.setCharAt(at, character());
                    }
                }
                case 3 -> b.insert(at, b.substring(0, Math.min(b.length(), random.nextInt(8))));
                default -> b.setLength(Math.min(b.length(), at));
            }
        }
        return b.toString();
    }

    /** JSON text: a random value, depth-bounded, then sometimes mutated into something that is not JSON. */
    public String json() {
        StringBuilder b = new StringBuilder();
        jsonValue(b, 0);
        String s = b.toString();
        return random.nextInt(3) == 0 ? mutate(s) : s;
    }

    /** A JSON object whose members are claims requests, more often well-formed than not (OIDC Core 5.5). */
    public String claimsParameter() {
        if (random.nextInt(3) == 0) {
            return json();
        }
        StringBuilder b = new StringBuilder("{");
        String[] members = {"userinfo", "id_token", pick(NAMES)};
        for (int i = 0; i < members.length; i++) {
            if (random.nextBoolean()) {
                continue;
            }
            b.append(b.length() > 1 ? "," : "").append('"').append(members[i]).append("\":{");
            int claims = random.nextInt(4);
            for (int j = 0; j < claims; j++) {
                b.append(j > 0 ? "," : "").append(jsonString(pick(List.of("sub", "name", "email", "acr", "x")))).append(':');
                switch (random.nextInt(4)) {
                    case 0 -> b.append("null");
                    case 1 -> b.append("{\"essential\":").append(random.nextBoolean()).append('}');
                    case 2 -> b.append("{\"value\":").append(jsonString(string(12))).append('}');
                    default -> {
                        StringBuilder any = new StringBuilder();
                        jsonValue(any, 2);
                        b.append(any);
                    }
                }
            }
            b.append('}');
        }
        return random.nextInt(4) == 0 ? mutate(b.append('}').toString()) : b.append('}').toString();
    }

    private void jsonValue(StringBuilder b, int depth) {
        int kind = depth > 4 ? 2 + random.nextInt(5) : random.nextInt(7);
        switch (kind) {
            case 0 -> {
                b.append('{');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(jsonString(random.nextBoolean() ? pick(NAMES) : string(8))).append(':');
                    jsonValue(b, depth + 1);
                }
                b.append('}');
            }
            case 1 -> {
                b.append('[');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "");
                    jsonValue(b, depth + 1);
                }
                b.append(']');
            }
            case 2 -> b.append(jsonString(value()));
            case 3 -> b.append(pick(List.of("0", "-0", "1", "-1", "1.5", "1e300", "-1e300", "1e-400", "99999999999999999999999",
                    "1800000000", "-9223372036854775809", "0.0000001")));
            case 4 -> b.append(pick(List.of("true", "false", "null")));
            case 5 -> b.append(jsonString(string(32)));
            default -> b.append(random.nextLong());
        }
    }

    /** A JSON string literal of {@code s}, every control character and quote escaped. */
    public static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** A compact-JWS-looking string: three base64url parts of JSON-ish text, sometimes broken. */
    public String jws() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = random.nextInt(3) == 0 ? json()
                : "{\"alg\":" + jsonString(pick(List.of("none", "RS256", "PS256", "ES256", "EdDSA", "HS256", "RS512", "", "None")))
                + (random.nextBoolean() ? ",\"kid\":" + jsonString(value()) : "") + (random.nextInt(8) == 0 ? ",\"crit\":[\"x\"]" : "")
                + (random.nextInt(8) == 0 ? ",\"alg\":\"RS256\"" : "") + "}";
        String payload = random.nextBoolean() ? claimsParameter() : json();
        byte[] signature = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(300)];
        random.nextBytes(signature);
        String s = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(signature);
        return switch (random.nextInt(6)) {
            case 0 -> mutate(s);
            case 1 -> s + "." + s;
            case 2 -> s.replace('-', '+');
            default -> s;
        };
    }
}
