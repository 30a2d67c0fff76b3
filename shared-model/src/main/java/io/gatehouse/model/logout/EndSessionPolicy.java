package io.gatehouse.model.logout;

import java.util.List;
import java.util.Map;

/**
 * The rules of RP-Initiated Logout 1.0 section 2-3 as a pure function. The id_token_hint is trusted only when
 * Gatehouse signed it and issued it (an expired hint is fine, section 2); post_logout_redirect_uri must match a
 * registered one of the client exactly (section 3.1), and only then is the browser sent there.
 */
public final class EndSessionPolicy {

    /** Verifies a hint's signature with Gatehouse's keys; returns its claims, or null when it is not authentic. */
    @FunctionalInterface
    public interface HintVerifier {
        Map<String, Object> verify(String idTokenHint);
    }

    /** The registered post-logout redirect URIs of a client; null when the client is unknown or disabled. */
    @FunctionalInterface
    public interface ClientRedirects {
        List<String> postLogoutRedirectUris(String clientId);
    }

    private final String issuer;
    private final HintVerifier hints;
    private final ClientRedirects clients;

    public EndSessionPolicy(String issuer, HintVerifier hints, ClientRedirects clients) {
        this.issuer = issuer;
        this.hints = hints;
        this.clients = clients;
    }

    public EndSessionDecision decide(EndSessionRequest request) {
        String clientId = request.clientId();
        String sub = null;
        String sid = null;
        boolean validHint = false;
        if (request.idTokenHint() != null) {
            Map<String, Object> claims = hints.verify(request.idTokenHint());
            if (claims == null || !issuer.equals(claims.get("iss"))) {
                return refuse(clientId, "the id_token_hint was not issued by this provider");
            }
            String audience = audience(claims);
            if (audience == null) {
                return refuse(clientId, "the id_token_hint has no single audience");
            }
            if (clientId != null && !clientId.equals(audience)) {
                return refuse(clientId, "client_id does not match the id_token_hint");
            }
            clientId = audience;
            sub = claims.get("sub") instanceof String s ? s : null;
            sid = claims.get("sid") instanceof String s ? s : null;
            validHint = true;
        }
        String redirect = null;
        if (request.postLogoutRedirectUri() != null) {
            if (clientId == null) {
                return refuse(null, "post_logout_redirect_uri needs an id_token_hint or client_id");
            }
            List<String> registered = clients.postLogoutRedirectUris(clientId);
            if (registered == null) {
                return refuse(null, "unknown client");
            }
            if (!registered.contains(request.postLogoutRedirectUri())) {
                return refuse(clientId, "post_logout_redirect_uri is not registered for this client");
            }
            redirect = request.postLogoutRedirectUri();
        }
        return new EndSessionDecision(clientId, sub, sid, redirect, redirect == null ? null : request.state(), !validHint, null);
    }

    private static EndSessionDecision refuse(String clientId, String error) {
        return new EndSessionDecision(clientId, null, null, null, null, true, error);
    }

    /** aud when it is one client (a string or a one-element array); azp when several audiences name it. */
    private static String audience(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        if (aud instanceof String s) {
            return s;
        }
        if (aud instanceof List<?> l) {
            if (l.size() == 1 && l.get(0) instanceof String s) {
                return s;
            }
            if (claims.get("azp") instanceof String azp && l.contains(azp)) {
                return azp;
            }
        }
        return null;
    }
}
