package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a pushed authorization request (RFC 9126) that come before the authorization endpoint's own: what the
 * form carries besides the authorization request, and whether a client must push. Pure.
 */
public final class PushedAuthorizationRequest {

    /** RFC 9126 2.2: the prefix of the request_uri the PAR endpoint hands out. */
    public static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";
    /** RFC 9126 6: client metadata saying the client may only use pushed requests. */
    public static final String REQUIRE_METADATA = "require_pushed_authorization_requests";
    /** Parameters of client authentication (RFC 6749 2.3.1, RFC 7521 4.2): not part of the authorization request. */
    static final Set<String> CLIENT_AUTHENTICATION = Set.of("client_secret", "client_assertion", "client_assertion_type");

    private PushedAuthorizationRequest() {
    }

    /**
     * The authorization request a PAR form carries, once the client is authenticated: the client authentication
     * parameters removed, the client_id the authenticated one (RFC 9126 2.1: it MAY be left out when the client
     * authenticates otherwise, and must name the authenticated client when present).
     *
     * @param form single-valued form parameters (repetitions already refused, RFC 6749 3.1)
     */
    public static RequestParameters parameters(Map<String, String> form, String authenticatedClientId) {
        if (form.containsKey("request_uri")) {
            throw OAuthError.invalidRequest("request_uri must not be pushed").toException(); // RFC 9126 2.1
        }
        String clientId = form.get("client_id");
        if (clientId != null && !clientId.equals(authenticatedClientId)) {
            throw OAuthError.invalidRequest("client_id is not the authenticated client").toException();
        }
        Map<String, String> request = new LinkedHashMap<>(form);
        request.keySet().removeAll(CLIENT_AUTHENTICATION);
        request.put("client_id", authenticatedClientId);
        return new RequestParameters(request, Set.of());
    }

    /** RFC 9126 6: the client registered {@code require_pushed_authorization_requests: true}. */
    public static boolean required(ClientEntity client) {
        Object v = client.metadata == null ? null : client.metadata.get(REQUIRE_METADATA);
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }
}
