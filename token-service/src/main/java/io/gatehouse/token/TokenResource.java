package io.gatehouse.token;

import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.client.ClientAuthentication;
import io.gatehouse.model.client.ResponseEncryption;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.dpop.DpopRefusal;
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

    static final String DPOP = "DPoP";

    @Inject
    ClientAuthentication clients;
    @Inject
    GrantHandlers grants;
    @Inject
    TokenDpop dpop;
    @Inject
    ResponseEncryption encryption;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@Context HttpHeaders headers, MultivaluedMap<String, String> form) {
        TokenRequest request = TokenRequest.parse(form);
        AuthenticatedClient client = clients.authenticate(headers.getRequestHeader(HttpHeaders.AUTHORIZATION),
                request.parameters(), Endpoint.TOKEN);
        TokenRequest bound = dpop.bind(request, headers.getRequestHeader(DPOP), client); // RFC 9449 5
        encryption.prefetch(client.client()); // an encrypted ID token's key (OIDC Core 10.2), outside the transaction
        Response response = NoStore.json(grants.forRequest(bound, client).handle(bound, client).toJson());
        dpop.nonce().ifPresent(n -> response.getHeaders().putSingle(DpopRefusal.DPOP_NONCE_HEADER, n));
        return response;
    }

    @POST
    public Response notForm() {
        return NoStore.notFormEncoded();
    }
}
