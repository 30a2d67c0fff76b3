package io.gatehouse.token;

import io.gatehouse.model.client.AuthenticatedClient;
import io.gatehouse.model.client.ClientAuthentication;
import io.gatehouse.model.discovery.Endpoint;
import io.gatehouse.model.request.FormParameters;
import io.gatehouse.token.device.DeviceAuthorization;
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
 * The device authorization endpoint (RFC 8628 3.1): the client authenticates by its registered method (a public
 * client by client_id alone), asks for scopes and gets the codes. Parse, authenticate, call, render.
 */
@Path("/device_authorization")
public class DeviceAuthorizationResource {

    @Inject
    ClientAuthentication clients;
    @Inject
    DeviceAuthorization devices;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response authorize(@Context HttpHeaders headers, MultivaluedMap<String, String> form) {
        Map<String, String> parameters = FormParameters.single(form);
        AuthenticatedClient client = clients.authenticate(headers.getRequestHeader(HttpHeaders.AUTHORIZATION), parameters,
                Endpoint.DEVICE_AUTHORIZATION);
        return NoStore.json(devices.start(client, parameters.get("scope")).toJson());
    }

    @POST
    public Response notForm() {
        return NoStore.notFormEncoded();
    }
}
