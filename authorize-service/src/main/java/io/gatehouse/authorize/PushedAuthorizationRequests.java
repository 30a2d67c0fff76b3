package io.gatehouse.authorize;

import io.gatehouse.model.authorization.AuthorizationChecks;
import io.gatehouse.model.authorization.AuthorizationRequest;
import io.gatehouse.model.authorization.PushedAuthorizationRequest;
import io.gatehouse.model.authorization.RedirectUriCheck;
import io.gatehouse.model.authorization.RequestParameters;
import io.gatehouse.model.authorization.UntrustedRedirectException;
import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.crypto.RandomTokens;
import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.entity.PushedRequestEntity;
import io.gatehouse.model.dpop.DpopRefusal;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.repository.PushedRequestRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pushed authorization requests (RFC 9126): the request is verified as the authorization endpoint would verify it
 * (redirect_uri, then {@link AuthorizationChecks}), then kept in {@code pushed_requests} under a random request_uri
 * that {@link RequestAssembly} consumes once. What depends on the user (session, prompt, consent) is judged when the
 * request_uri is used.
 */
@ApplicationScoped
public class PushedAuthorizationRequests {

    /** The request_uri handed out and its lifetime in seconds (RFC 9126 2.2). */
    public record Pushed(String requestUri, long expiresIn) {
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("request_uri", requestUri);
            json.put("expires_in", expiresIn);
            return json;
        }
    }

    @Inject
    PushedRequestRepository pushed;
    @Inject
    RequestAssembly assembly;
    @Inject
    AuthorizeConfig authorizeConfig;
    @Inject
    PushedRequestConfig config;

    private AuthorizationChecks checks;

    @PostConstruct
    void init() {
        checks = new AuthorizationChecks(authorizeConfig.pkcePlainAllowed());
    }

    /**
     * Verifies and stores the request {@code client} pushed.
     *
     * @param form     the single-valued form parameters of the PAR request
     * @param proofJkt the thumbprint of the key of the request's DPoP proof, or null
     * @throws io.gatehouse.model.error.OAuthException the first rule broken (RFC 9126 2.3: as RFC 6749 5.2 JSON)
     */
    // Not one transaction: the request object's signature may need the client's jwks_uri, fetched outside any
    // transaction; only storing the pushed request is transactional.
    public Pushed push(Map<String, String> form, AuthenticatedClient client, String proofJkt) {
        ClientEntity c = client.client();
        RequestParameters pushedParams = PushedAuthorizationRequest.parameters(form, c.clientId);
        if (pushedParams.oversized()) {
            throw OAuthError.invalidRequest("the authorization request is too large").toException();
        }
        RequestParameters params = withProofKey(assembly.assemblePushed(pushedParams, c), proofJkt);
        try {
            RedirectUriCheck.resolve(params, c);
        } catch (UntrustedRedirectException e) {
            throw e.error().toException(); // RFC 9126 2.3: invalid_request where no redirect is allowed
        }
        checks.verify(AuthorizationRequest.parse(params), c);
        PushedRequestEntity p = new PushedRequestEntity();
        p.requestUri = PushedAuthorizationRequest.REQUEST_URI_PREFIX + RandomTokens.random256();
        p.clientId = c.clientId;
        p.parameters = new LinkedHashMap<>(params.values());
        p.createdAt = Instant.now();
        p.expiresAt = p.createdAt.plus(config.requestLifetime());
        QuarkusTransaction.requiringNew().run(() -> pushed.persist(p));
        return new Pushed(p.requestUri, config.requestLifetime().toSeconds());
    }

    /**
     * RFC 9449 10.1: the key of a DPoP proof sent to PAR binds the code as {@code dpop_jkt} does; when both are
     * sent they must name the same key.
     */
    static RequestParameters withProofKey(RequestParameters params, String proofJkt) {
        if (proofJkt == null) {
            return params;
        }
        String jkt = params.get(AuthorizationRequest.DPOP_JKT);
        if (jkt == null) {
            Map<String, String> values = new LinkedHashMap<>(params.values());
            values.put(AuthorizationRequest.DPOP_JKT, proofJkt);
            return new RequestParameters(values, params.duplicated());
        }
        if (!jkt.equals(proofJkt)) {
            throw DpopRefusal.invalid("dpop_jkt does not match the key of the DPoP proof").toTokenError();
        }
        return params;
    }
}
