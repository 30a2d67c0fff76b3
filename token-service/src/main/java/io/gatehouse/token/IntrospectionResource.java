package io.gatehouse.token;

import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.client.ClientAuthentication;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.error.OAuthException;
import io.gatehouse.model.request.FormParameters;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The introspection endpoint (RFC 7662 2): for authenticated confidential clients only (2.1: the endpoint must not
 * let anyone scan for tokens, so a public client's bare client_id is not enough).
 */
@Path("/introspect")
public class IntrospectionResource {

    @Inject
    ClientAuthentication clients;
    @Inject
    TokenIntrospection introspection;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response introspect(@Context HttpHeaders headers, MultivaluedMap<String, String> form) {
        Map<String, String> parameters = FormParameters.single(form);
        AuthenticatedClient client = clients.authenticate(headers.getRequestHeader(HttpHeaders.AUTHORIZATION), parameters,
                Endpoint.INTROSPECTION);
        if (client.isPublic()) {
            throw new OAuthException(OAuthError.invalidClient("public clients cannot introspect tokens"), clients.challenge());
        }
        String token = parameters.get("token");
        if (token == null) {
            throw OAuthError.invalidRequest("token is required").toException(); // RFC 7662 2.1
        }
        return NoStore.json(introspection.introspect(token, parameters.get("token_type_hint"), client));
    }

    @POST
    public Response notForm() {
        return NoStore.notFormEncoded();
    }
}
