package io.gatehouse.authorize.logout;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * URLs that logout sends the browser to: the post-logout redirect with {@code state} (RP-Initiated Logout 1.0
 * section 3) and the front-channel logout URIs with {@code iss} and {@code sid} (Front-Channel Logout 1.0 section 2),
 * and the origins the logged-out page may frame. Pure functions.
 */
public final class LogoutUris {

    private LogoutUris() {
    }

    /**
     * {@code uri} with {@code parameters} added to its query: after {@code ?} when it has no query, after {@code &}
     * when it has one (a registered query is kept, RFC 6749 3.1.2 style), before any fragment.
     */
    public static String withParameters(String uri, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return uri;
        }
        int hash = uri.indexOf('#');
        String base = hash < 0 ? uri : uri.substring(0, hash);
        String fragment = hash < 0 ? "" : uri.substring(hash);
        StringBuilder b = new StringBuilder(base);
        if (base.indexOf('?') < 0) {
            b.append('?');
        } else if (!base.endsWith("?") && !base.endsWith("&")) {
            b.append('&');
        }
        return b.append(query(parameters)).append(fragment).toString();
    }

    /** {@code parameters} form-url-encoded ({@code a=1&b=2}), in their order. */
    public static String query(Map<String, String> parameters) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** Whether {@code uri} is an absolute http(s) URL with a host: the only kind a page may load or link to. */
    public static boolean isWeb(String uri) {
        return origin(uri) != null;
    }

    /**
     * The origin ({@code scheme://host[:port]}) of an absolute http(s) URL, for a Content-Security-Policy source list;
     * null for anything else. A parsed server-based host holds no spaces, commas or semicolons, so the origin cannot
     * break out of the policy.
     */
    public static String origin(String uri) {
        if (uri == null) {
            return null;
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (Exception e) {
            return null;
        }
        String scheme = parsed.getScheme() == null ? null : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme) || parsed.getHost() == null || parsed.getHost().isEmpty()) {
            return null;
        }
        String host = parsed.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
    }
}
