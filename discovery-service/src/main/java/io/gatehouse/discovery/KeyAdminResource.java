package io.gatehouse.discovery;

import io.gatehouse.model.bearer.BearerAccess;
import io.gatehouse.model.discovery.Scope;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.jose.KeyAlgorithm;
import io.gatehouse.model.keys.KeyRotation;
import io.gatehouse.model.keys.KeyRotation.EmergencyRotation;
import io.gatehouse.model.token.AccessTokenValidator.ValidatedAccessToken;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's emergency rotation: {@code POST /admin/keys/rotate} with a bearer access token granted
 * {@code gatehouse:admin}. Form parameters: {@code revoke_kid} (withdraw that key now and replace it if it was
 * active) or {@code alg} (retire and replace only that algorithm's active key); neither: rotate every algorithm.
 */
@Path("/admin/keys")
public class KeyAdminResource {

    @Inject
    BearerAccess access;
    @Inject
    KeyRotation rotation;

    @POST
    @Path("rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotateForm(@Context HttpHeaders headers, @Context UriInfo uri, MultivaluedMap<String, String> form) {
        return rotate(headers, uri, form == null ? new MultivaluedHashMap<>() : form);
    }

    /** Without a body: rotate every algorithm (parameters may also come in the query). */
    @POST
    @Path("rotate")
    public Response rotateEmpty(@Context HttpHeaders headers, @Context UriInfo uri) {
        return rotate(headers, uri, new MultivaluedHashMap<>());
    }

    private Response rotate(HttpHeaders headers, UriInfo uri, MultivaluedMap<String, String> form) {
        ValidatedAccessToken token = access.require(headers.getRequestHeader(HttpHeaders.AUTHORIZATION), List.of(),
                uri.getQueryParameters().get("access_token"), Scope.ADMIN);
        Optional<String> revokeKid = single(form, uri, "revoke_kid");
        Optional<String> algName = single(form, uri, "alg");
        if (revokeKid.isPresent() && algName.isPresent()) {
            throw OAuthError.invalidRequest("give revoke_kid or alg, not both").toException();
        }
        // a signing algorithm, or an encryption key type (ENC_RSA, ENC_EC)
        Optional<KeyAlgorithm> alg = algName.map(name -> KeyAlgorithm.fromName(name)
                .orElseThrow(() -> OAuthError.invalidRequest("unsupported alg " + name).toException()));
        EmergencyRotation done;
        try {
            done = rotation.rotateNow(alg, revokeKid, token.clientId());
        } catch (KeyRotation.UnknownKeyException e) {
            throw OAuthError.invalidRequest(e.getMessage()).toException();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("revoked", done.revokedKid());
        body.put("retired", done.retiredKids());
        body.put("activated", done.activatedKids());
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }

    private static Optional<String> single(MultivaluedMap<String, String> form, UriInfo uri, String name) {
        List<String> values = new java.util.ArrayList<>();
        Optional.ofNullable(form.get(name)).ifPresent(values::addAll);
        Optional.ofNullable(uri.getQueryParameters().get(name)).ifPresent(values::addAll);
        if (values.size() > 1) {
            throw OAuthError.invalidRequest(name + " given more than once").toException();
        }
        return values.stream().filter(v -> !v.isBlank()).findFirst();
    }
}
