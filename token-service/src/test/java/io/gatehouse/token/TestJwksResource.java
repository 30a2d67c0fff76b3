package io.gatehouse.token;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Stands in for relying parties' jwks_uri in tests: serves the JWK Set a test put under an id, and counts fetches. */
@Path("/test-jwks")
public class TestJwksResource {

    static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> FETCHES = new ConcurrentHashMap<>();

    @GET
    @Path("{id}")
    public Response jwks(@PathParam("id") String id) {
        FETCHES.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        String document = DOCUMENTS.get(id);
        return document == null ? Response.status(404).build() : Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
