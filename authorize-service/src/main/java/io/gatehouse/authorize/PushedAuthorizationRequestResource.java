package io.gatehouse.authorize;

import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.client.ClientAuthentication;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.dpop.DpopProof;
import io.gatehouse.model.dpop.DpopProofs;
import io.gatehouse.model.dpop.DpopRefusal;
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

/**
 * The pushed authorization request endpoint (RFC 9126 2): the client authenticates as at the token endpoint, pushes
 * its authorization request and gets a request_uri for the authorization endpoint. Parse, authenticate, call, render.
 */
@Path("/par")
public class PushedAuthorizationRequestResource {

    @Inject
    ClientAuthentication clients;
    @Inject
    PushedAuthorizationRequests requests;
    @Inject
    DpopProofs dpop;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response push(@Context HttpHeaders headers, MultivaluedMap<String, String> form) {
        Map<String, String> parameters = FormParameters.single(form); // RFC 6749 3.1: no parameter twice
        AuthenticatedClient client = clients.authenticate(headers.getRequestHeader(HttpHeaders.AUTHORIZATION), parameters,
                Endpoint.PUSHED_AUTHORIZATION_REQUEST);
        String proofJkt;
        try {
            // RFC 9449 10.1: a DPoP proof at PAR binds the code as dpop_jkt does.
            proofJkt = dpop.verify(headers.getRequestHeader("DPoP"), "POST", Endpoint.PUSHED_AUTHORIZATION_REQUEST, null)
                    .map(DpopProof::jkt).orElse(null);
        } catch (DpopRefusal r) {
            throw r.toTokenError();
        }
        PushedAuthorizationRequests.Pushed pushed = requests.push(parameters, client, proofJkt);
        // RFC 9126 2.2: 201 Created, never cached.
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE).entity(pushed.toJson())
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    /** RFC 9126 2.1: the request is application/x-www-form-urlencoded. */
    @POST
    public Response notForm() {
        throw OAuthError.invalidRequest("the request body must be application/x-www-form-urlencoded").toException();
    }
}
