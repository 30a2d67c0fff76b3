package io.gatehouse.token;

import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.client.ClientAuthentication;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.token.grant.GrantHandlers;
import io.gatehouse.token.grant.TokenRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** The token endpoint (RFC 6749 3.2, OIDC Core 3.1.3): parse, authenticate the client, dispatch by grant_type, render. */
@Path("/token")
public class TokenResource {

    @Inject
    ClientAuthentication clients;
    @Inject
    GrantHandlers grants;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@Context HttpHeaders headers, MultivaluedMap<String, String> form) {
        TokenRequest request = TokenRequest.parse(form);
        AuthenticatedClient client = clients.authenticate(headers.getRequestHeader(HttpHeaders.AUTHORIZATION),
                request.parameters(), Endpoint.TOKEN);
        return NoStore.json(grants.forRequest(request, client).handle(request, client).toJson());
    }

    @POST
    public Response notForm() {
        return NoStore.notFormEncoded();
    }
}
