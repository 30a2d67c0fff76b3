package io.gatehouse.authorize.registration;

import io.gatehouse.authorize.api.JsonBodies;
import io.gatehouse.model.registration.RegistrationError;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The client registration endpoint (RFC 7591 3, OIDC Registration 3) and the client configuration endpoint
 * (RFC 7592 2) at {@code /register/{client_id}}. Parse, call, render; every answer is no-store.
 */
@Path("/register")
@Tag(name = "registration", description = "Dynamic client registration (RFC 7591, RFC 7592, OpenID Connect Registration 1.0)")
public class RegistrationResource {

    private static final String ACCESS_TOKEN = "access_token";

    @Inject
    ClientRegistrar registrar;
    @Inject
    RegistrationAccess access;
    @Inject
    JsonBodies bodies;

    @POST
    @Operation(summary = "Register a client (RFC 7591 3.1)")
    public Response register(@Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServerRequest http, String body) {
        access.requireInitialAccess(headers.getRequestHeader(HttpHeaders.AUTHORIZATION), uri.getQueryParameters().get(ACCESS_TOKEN));
        Map<String, Object> response = registrar.register(parse(body), sourceIp(http));
        return json(Response.status(Response.Status.CREATED), response);
    }

    @GET
    @Path("/{client_id}")
    @Operation(summary = "Read a client's registration (RFC 7592 2.1)")
    public Response read(@PathParam("client_id") String clientId, @Context HttpHeaders headers, @Context UriInfo uri) {
        return json(Response.ok(), registrar.read(clientId, credentials(headers, uri)));
    }

    @PUT
    @Path("/{client_id}")
    @Operation(summary = "Replace a client's registration (RFC 7592 2.2)")
    public Response update(@PathParam("client_id") String clientId, @Context HttpHeaders headers, @Context UriInfo uri,
                           @Context HttpServerRequest http, String body) {
        ClientRegistrar.Credentials credentials = credentials(headers, uri);
        return json(Response.ok(), registrar.update(clientId, parse(body), credentials, sourceIp(http)));
    }

    @DELETE
    @Path("/{client_id}")
    @Operation(summary = "Delete a client (RFC 7592 2.3)")
    public Response delete(@PathParam("client_id") String clientId, @Context HttpHeaders headers, @Context UriInfo uri,
                           @Context HttpServerRequest http) {
        registrar.delete(clientId, credentials(headers, uri), sourceIp(http));
        return Response.noContent().header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    /** RFC 7591 3.1: the metadata is a JSON object; anything else is invalid_client_metadata. */
    private Map<String, Object> parse(String body) {
        return bodies.object(body, "the request body must be a JSON object (RFC 7591 3.1)",
                description -> RegistrationError.invalidClientMetadata(description).toException());
    }

    private static ClientRegistrar.Credentials credentials(HttpHeaders headers, UriInfo uri) {
        return new ClientRegistrar.Credentials(headers.getRequestHeader(HttpHeaders.AUTHORIZATION),
                uri.getQueryParameters().get(ACCESS_TOKEN));
    }

    static String sourceIp(HttpServerRequest http) {
        return http == null || http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }

    private static Response json(Response.ResponseBuilder builder, Map<String, Object> body) {
        return builder.type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .entity(body).build();
    }
}
