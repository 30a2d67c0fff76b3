package io.gatehouse.token;

import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.client.ClientAuthentication;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.error.OAuthError;
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

/** The revocation endpoint (RFC 7009 2): client-authenticated; 200 whether or not the token was one to revoke. */
@Path("/revoke")
public class RevocationResource {

    @Inject
    ClientAuthentication clients;
    @Inject
    TokenRevocation revocation;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@Context HttpHeaders headers, MultivaluedMap<String, String> form) {
        Map<String, String> parameters = FormParameters.single(form);
        AuthenticatedClient client = clients.authenticate(headers.getRequestHeader(HttpHeaders.AUTHORIZATION), parameters,
                Endpoint.REVOCATION);
        String token = parameters.get("token");
        if (token == null) {
            throw OAuthError.invalidRequest("token is required").toException(); // RFC 7009 2.1
        }
        revocation.revoke(token, parameters.get("token_type_hint"), client);
        return NoStore.empty(); // RFC 7009 2.2
    }

    @POST
    public Response notForm() {
        return NoStore.notFormEncoded();
    }
}
