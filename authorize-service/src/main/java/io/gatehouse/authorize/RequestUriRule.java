package io.gatehouse.authorize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which request_uri URLs the authorization endpoint may fetch for a client (OIDC Core 6.2, RFC 9101 5.2): absolute
 * https URLs (http only when allowed, for tests and development) of at most 512 characters, and, when the client
 * registered {@code request_uris} (OIDC Registration 2), exactly one of them compared without the fragment (the
 * fragment may carry a hash of the content, OIDC Registration 2). A client that registered none may use none
 * ({@code require_request_uri_registration: true} in discovery) unless {@code allowUnregistered}: a remote
 * request_uri makes the OP fetch a URL named by an unauthenticated request.
 */
public final class RequestUriRule {

    /** OIDC Core 6.2: the entire Request URI MUST NOT exceed 512 ASCII characters. */
    static final int MAX_LENGTH = 512;

    private RequestUriRule() {
    }

    /** Null when {@code uri} may be fetched for a client that registered {@code registered}; otherwise why not. */
    public static String rejection(String uri, List<String> registered, boolean allowHttp, boolean allowUnregistered) {
        if (uri.length() > MAX_LENGTH) {
            return "request_uri is longer than " + MAX_LENGTH + " characters";
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return "request_uri is not a URI";
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return allowHttp ? "request_uri must be an http or https URL" : "request_uri must be an https URL";
        }
        if (parsed.getHost() == null) {
            return "request_uri has no host";
        }
        if (registered.isEmpty() && !allowUnregistered) {
            return "the client registered no request_uris"; // OIDC Discovery 3 require_request_uri_registration
        }
        if (!registered.isEmpty() && registered.stream().noneMatch(r -> withoutFragment(r).equals(withoutFragment(uri)))) {
            return "request_uri is not one of the client's registered request_uris"; // OIDC Registration 2
        }
        return null;
    }

    /** {@code uri} as fetched: without its fragment (a fragment is never sent in HTTP, RFC 9110 7.1). */
    public static String withoutFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }
}
