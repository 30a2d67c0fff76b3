package io.gatehouse.authorize;

import io.gatehouse.model.authorization.AuthorizationError;
import io.gatehouse.model.authorization.PushedAuthorizationRequest;
import io.gatehouse.model.authorization.RequestObject;
import io.gatehouse.model.authorization.RequestObjectDecryption;
import io.gatehouse.model.authorization.RequestObjectPolicy;
import io.gatehouse.model.authorization.RequestParameters;
import io.gatehouse.model.client.ClientJwks;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.PushedRequestEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.repository.PushedRequestRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the authorization request from what was sent and, when present, a request object passed by value
 * ({@code request}, OIDC Core 6.1), a pushed request ({@code request_uri} from the PAR endpoint, RFC 9126 4), or a
 * request object passed by reference ({@code request_uri} URL the client hosts, OIDC Core 6.2), which is fetched
 * ({@link RequestObjectFetcher}) and then treated exactly like a {@code request} value. Signed request objects verify
 * with the client's {@code jwks} or {@code jwks_uri} keys ({@link ClientJwks}).
 */
@ApplicationScoped
public class RequestAssembly {

    /** RFC 9126 2.2: the request_uri the PAR endpoint hands out. */
    public static final String PAR_URN_PREFIX = PushedAuthorizationRequest.REQUEST_URI_PREFIX;

    @Inject
    RequestObjectDecryption decryption;
    @Inject
    PushedRequestRepository pushed;
    @Inject
    GatehouseConfig config;
    @Inject
    RequestUriConfig requestUriConfig;
    @Inject
    RequestObjectFetcher fetcher;
    @Inject
    ClientJwks clientJwks;
    @Inject
    RequestObjectConfig objectConfig;

    public RequestParameters assemble(RequestParameters sent, ClientEntity client) {
        boolean hasRequest = sent.get("request") != null || sent.isDuplicated("request");
        boolean hasRequestUri = sent.get("request_uri") != null || sent.isDuplicated("request_uri");
        if (!hasRequestUri && PushedAuthorizationRequest.required(client)) {
            throw OAuthError.invalidRequest("this client must push its authorization requests (PAR)").toException(); // RFC 9126 6
        }
        if (!hasRequest && !hasRequestUri) {
            if (policy(client).requiresObject()) {
                // RFC 9101 10.5 require_signed_request_object
                throw OAuthError.invalidRequest("this client must send its authorization requests as signed request objects").toException();
            }
            return sent;
        }
        if (hasRequest && hasRequestUri) {
            throw OAuthError.invalidRequest("request and request_uri cannot both be used").toException(); // OIDC Core 6.1
        }
        if (sent.isDuplicated("request") || sent.isDuplicated("request_uri")) {
            throw OAuthError.invalidRequest("request or request_uri was sent more than once").toException();
        }
        if (hasRequest) {
            return withRequestObject(sent, sent.get("request"), client);
        }
        String uri = sent.get("request_uri");
        if (uri.startsWith(PAR_URN_PREFIX)) {
            return pushedRequest(uri, sent, client);
        }
        return withRequestObject(sent, fetched(uri, client), client);
    }

    /** OIDC Core 6.2: the request object the client hosts at {@code uri}; nothing of it is cached. */
    private String fetched(String uri, ClientEntity client) {
        if (!requestUriConfig.enabled()) {
            throw AuthorizationError.requestUriNotSupported("request objects by reference are not enabled").toException(); // OIDC Core 6.4
        }
        List<String> registered = registeredRequestUris(client);
        if (registered.isEmpty() && !requestUriConfig.allowUnregistered()) {
            // Issue 16.5: only a client that registered request_uris makes the OP fetch one (OIDC Core 6.4, 3.1.2.6).
            throw AuthorizationError.requestUriNotSupported("this client registered no request_uris").toException();
        }
        String refused = RequestUriRule.rejection(uri, registered, requestUriConfig.allowHttp(), requestUriConfig.allowUnregistered());
        if (refused != null) {
            throw AuthorizationError.invalidRequestUri(refused).toException();
        }
        return fetcher.fetch(uri);
    }

    /** OIDC Registration 2 request_uris, as registered (empty when none). */
    private static List<String> registeredRequestUris(ClientEntity client) {
        Object registered = client.metadata == null ? null : client.metadata.get("request_uris");
        if (!(registered instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    /**
     * The parameters of a request being pushed (RFC 9126 2.1, 3): with its request object by value, if any, applied as
     * at the authorization endpoint. The caller has refused a pushed request_uri.
     */
    public RequestParameters assemblePushed(RequestParameters sent, ClientEntity client) {
        if (sent.get("request") == null) {
            if (policy(client).requiresObject()) {
                // RFC 9101 10.5, RFC 9126 3: the pushed request itself must be the signed request object
                throw OAuthError.invalidRequest("this client must push its requests as signed request objects").toException();
            }
            return sent;
        }
        return withRequestObject(sent, sent.get("request"), client);
    }

    /** OIDC Core 6.3: the request object's parameters over the ones sent in the OAuth 2.0 syntax. */
    private RequestParameters withRequestObject(RequestParameters sent, String jwt, ClientEntity client) {
        Map<String, String> object = objectParameters(jwt, client);
        requireSameResponseType(sent, object);
        return sent.overlay(object);
    }

    /** The parameters of a request object, a signature verified with the client's jwks or jwks_uri keys. */
    private Map<String, String> objectParameters(String jwt, ClientEntity client) {
        return RequestObject.parameters(jwt, client, config.issuer(), refresh -> clientJwks.keys(client, refresh), policy(client),
                decryption);
    }

    private RequestObjectPolicy policy(ClientEntity client) {
        return RequestObjectPolicy.of(client, objectConfig.unsignedWithoutRegistration());
    }

    /** RFC 9126 4: the pushed parameters are the request; they are single use and bound to the client. */
    private RequestParameters pushedRequest(String uri, RequestParameters sent, ClientEntity client) {
        PushedRequestEntity p = QuarkusTransaction.requiringNew().call(() -> consumePushed(uri, client)); // single use
        Map<String, String> parameters = new LinkedHashMap<>();
        if (p.parameters != null) {
            p.parameters.forEach((k, v) -> {
                if (v instanceof String s) {
                    parameters.put(k, s);
                } else if (v instanceof java.util.List<?> l && l.size() == 1) {
                    parameters.put(k, String.valueOf(l.get(0)));
                } else if (v != null) {
                    parameters.put(k, v.toString());
                }
            });
        }
        parameters.put("client_id", client.clientId);
        RequestParameters base = new RequestParameters(parameters, java.util.Set.of());
        if (parameters.get("request") != null) {
            return base.overlay(objectParameters(parameters.get("request"), client));
        }
        return base.overlay(Map.of());
    }

    /** RFC 9126 4: the pushed request, marked consumed (null-safe error when unknown, foreign, expired or used). */
    private PushedRequestEntity consumePushed(String uri, ClientEntity client) {
        PushedRequestEntity p = pushed.findById(uri);
        if (p == null || !p.clientId.equals(client.clientId) || p.consumedAt != null || !p.expiresAt.isAfter(Instant.now())) {
            throw AuthorizationError.invalidRequestUri("request_uri is unknown, expired or already used").toException();
        }
        if (pushed.update("consumedAt = ?1 where requestUri = ?2 and consumedAt is null", Instant.now(), uri) != 1) {
            throw AuthorizationError.invalidRequestUri("request_uri is unknown, expired or already used").toException();
        }
        return p;
    }

    /** OIDC Core 6.1: response_type in the request object must match the one sent in the OAuth 2.0 syntax. */
    private static void requireSameResponseType(RequestParameters sent, Map<String, String> object) {
        String outer = sent.get("response_type");
        String inner = object.get("response_type");
        if (outer != null && inner != null && !io.gatehouse.model.authorization.ResponseType.parse(outer)
                .equals(io.gatehouse.model.authorization.ResponseType.parse(inner))) {
            throw AuthorizationError.invalidRequestObject("response_type in the request object does not match the request").toException();
        }
    }
}
