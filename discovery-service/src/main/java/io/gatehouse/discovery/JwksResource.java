package io.gatehouse.discovery;

import io.gatehouse.model.discovery.ProviderMetadata;
import io.gatehouse.model.keys.KeyCache;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The JWK Set of Gatehouse's signing keys (RFC 7517 5, OIDC Core 10.1): next, active and retired-but-needed keys,
 * public members only, served from memory (no database read per request).
 */
@Path("/jwks")
public class JwksResource {

    @Inject
    KeyCache keys;

    @GET
    public Response jwks() {
        return Response.ok(keys.jwks(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", ProviderMetadata.CACHE_CONTROL)
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
