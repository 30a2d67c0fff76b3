package io.gatehouse.model.registration;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which redirection URIs a client may register (RFC 6749 3.1.2, OIDC Registration 2 redirect_uris and
 * application_type). Pure: the same rules serve redirect_uris and post_logout_redirect_uris.
 */
public final class RedirectUriRules {

    /** OIDC Registration 2: loopback URLs use localhost or the IP loopback literals. */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    /** Schemes that would run code or read local data in the user agent instead of reaching a client. */
    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "vbscript", "file", "blob", "about");

    private RedirectUriRules() {
    }

    /**
     * Why {@code uri} may not be registered by a client of {@code applicationType} ({@code web} or {@code native});
     * empty when it may.
     *
     * @param implicit                 the client uses the implicit grant
     * @param allowHttpLoopbackForWeb   local development: web clients may use http on a loopback host
     */
    public static Optional<String> rejection(String uri, String applicationType, boolean implicit, boolean allowHttpLoopbackForWeb) {
        URI parsed = MetadataValues.absoluteUri(uri);
        if (parsed == null) {
            return Optional.of("must be an absolute URI (RFC 6749 3.1.2)");
        }
        if (uri.indexOf('#') >= 0) {
            return Optional.of("must not contain a fragment (RFC 6749 3.1.2)");
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (FORBIDDEN_SCHEMES.contains(scheme)) {
            return Optional.of("uses the forbidden scheme " + scheme);
        }
        boolean web = scheme.equals("http") || scheme.equals("https");
        if (web && (parsed.getHost() == null || parsed.getHost().isEmpty())) {
            return Optional.of("must name a host");
        }
        if (web && parsed.getRawUserInfo() != null) {
            return Optional.of("must not contain user information");
        }
        boolean loopback = web && isLoopbackHost(parsed.getHost());
        if ("native".equals(applicationType)) {
            // OIDC Registration 2: custom URI schemes, or loopback URLs using the http scheme.
            if (scheme.equals("https")) {
                return Optional.of("of a native client must use a custom URI scheme or http on a loopback host (OIDC Registration 2)");
            }
            if (scheme.equals("http") && !loopback) {
                return Optional.of("of a native client may use http only on localhost, 127.0.0.1 or [::1] (OIDC Registration 2)");
            }
            return Optional.empty();
        }
        // OIDC Registration 2: web clients use https; with the implicit grant never on localhost.
        if (scheme.equals("https")) {
            if (implicit && loopback && !allowHttpLoopbackForWeb) {
                return Optional.of("of a web client using the implicit grant must not use localhost (OIDC Registration 2)");
            }
            return Optional.empty();
        }
        if (scheme.equals("http") && loopback && allowHttpLoopbackForWeb) {
            return Optional.empty();
        }
        return Optional.of("of a web client must use the https scheme (OIDC Registration 2)");
    }

    /** localhost, 127.0.0.1 or [::1] (as {@link URI#getHost()} returns an IPv6 literal), case-insensitive. */
    public static boolean isLoopbackHost(String host) {
        return host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }
}
