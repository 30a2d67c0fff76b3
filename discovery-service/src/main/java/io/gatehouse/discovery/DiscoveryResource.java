package io.gatehouse.discovery;

import io.gatehouse.model.config.GatehouseConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OpenID Connect Discovery 1.0 section 4: the provider configuration document. */
@Path("/.well-known/openid-configuration")
public class DiscoveryResource {

    @Inject
    GatehouseConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> configuration() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", config.issuer());
        doc.put("authorization_endpoint", config.urls().authorize() + "/authorize");
        doc.put("token_endpoint", config.urls().token() + "/token");
        doc.put("userinfo_endpoint", config.urls().userinfo() + "/userinfo");
        doc.put("jwks_uri", config.urls().discovery() + "/jwks");
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        return doc;
    }
}
