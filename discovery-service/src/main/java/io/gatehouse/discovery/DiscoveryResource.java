package io.gatehouse.discovery;

import io.gatehouse.model.claims.ClaimsResolver;
import io.gatehouse.model.client.ClientAuthenticator;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.discovery.ProviderFacts;
import io.gatehouse.model.discovery.ProviderMetadata;
import io.gatehouse.model.keys.KeysConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider configuration (OIDC Discovery 1.0 section 4) and the authorization server metadata (RFC 8414
 * section 3): one document, generated from the capability registry. Cacheable for a short while and readable
 * from any origin.
 */
@Path("/.well-known")
public class DiscoveryResource {

    @Inject
    GatehouseConfig config;
    @Inject
    KeysConfig keys;
    @Inject
    ClaimsResolver claims;
    @Inject
    Instance<ClientAuthenticator> authenticators;

    @GET
    @Path("openid-configuration")
    public Response openidConfiguration() {
        return document();
    }

    @GET
    @Path("oauth-authorization-server")
    public Response authorizationServerMetadata() {
        return document();
    }

    /** Each registered ClientAuthenticator's method and assertion algorithms: what discovery advertises. */
    static Map<String, List<String>> clientAuthMethods(Iterable<ClientAuthenticator> authenticators) {
        Map<String, List<String>> methods = new HashMap<>();
        authenticators.forEach(a -> methods.put(a.method(), a.signingAlgorithms()));
        return methods;
    }

    private Response document() {
        ProviderFacts facts = ProviderFacts.of(config, keys.algorithms(), claims.supportedClaims(), clientAuthMethods(authenticators));
        return Response.ok(ProviderMetadata.document(facts), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", ProviderMetadata.CACHE_CONTROL)
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
