package io.gatehouse.userinfo;

import io.gatehouse.model.bearer.BearerChallenge;
import io.gatehouse.model.bearer.BearerTokenExtraction;
import io.gatehouse.model.bearer.SenderConstraint;
import io.gatehouse.model.client.ResponseEncryption;
import io.gatehouse.model.config.GatehouseConfig;
import io.gatehouse.model.jose.Json;
import io.gatehouse.model.keys.TokenSigner;
import io.gatehouse.model.registration.EncryptedJwt;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The UserInfo endpoint (OIDC Core 5.3): GET and POST; parse, call, render. */
@Path("/userinfo")
public class UserinfoResource {

    static final String APPLICATION_JWT = "application/jwt";
    private static final String ACCESS_TOKEN = "access_token";
    private static final String DPOP = "DPoP";

    @Inject
    UserinfoLookup lookup;
    @Inject
    TokenSigner signer;
    @Inject
    ResponseEncryption encryption;
    @Inject
    GatehouseConfig config;

    @GET
    public Response get(@Context HttpHeaders headers, @Context UriInfo uri) {
        return answer(headers, List.of(), uri, "GET");
    }

    /** RFC 6750 2.2: the token may be sent as a form parameter of a POST. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postForm(@Context HttpHeaders headers, @Context UriInfo uri, MultivaluedMap<String, String> form) {
        List<String> tokens = form == null ? null : form.get(ACCESS_TOKEN);
        return answer(headers, tokens == null ? List.of() : tokens, uri, "POST");
    }

    /** A POST without a form body (token in the Authorization header). */
    @POST
    public Response post(@Context HttpHeaders headers, @Context UriInfo uri) {
        return answer(headers, List.of(), uri, "POST");
    }

    private Response answer(HttpHeaders headers, List<String> formTokens, UriInfo uri, String method) {
        // RFC 6750 2 bearer tokens, and RFC 9449 7 DPoP-bound ones with their proof.
        BearerTokenExtraction.Presented token = BearerTokenExtraction.present(headers.getRequestHeader(HttpHeaders.AUTHORIZATION),
                formTokens, uri.getQueryParameters().get(ACCESS_TOKEN), true);
        UserinfoResponse response;
        try {
            response = lookup.answer(token, headers.getRequestHeader(DPOP), method);
        } catch (BearerChallenge c) {
            // RFC 9449 7.1: a request that used the DPoP scheme is answered with a DPoP challenge.
            throw token.dpop() && !DPOP.equals(c.scheme()) ? c.asDpop(SenderConstraint.ALGS, null) : c;
        }
        return render(response);
    }

    /**
     * OIDC Core 5.3.2: JSON, or a JWT carrying iss and aud when the client asked for a signed or encrypted response
     * (both: signed, then encrypted, a nested JWT). Outside the lookup's transaction, so the client's jwks_uri may be
     * fetched here.
     */
    private Response render(UserinfoResponse response) {
        boolean encrypted = ResponseEncryption.encrypts(response.client(), EncryptedJwt.USERINFO);
        if (response.signingAlg().isEmpty() && !encrypted) {
            return Response.ok(response.claims(), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
        }
        Map<String, Object> claims = new LinkedHashMap<>(response.claims());
        claims.put("iss", config.issuer());
        claims.put("aud", response.clientId());
        claims.put("iat", Instant.now().getEpochSecond());
        String jwt = response.signingAlg().isPresent() ? signer.sign(claims, "JWT", response.signingAlg().get())
                : Json.writeString(claims);
        if (encrypted) {
            encryption.prefetch(response.client());
            jwt = encryption.encrypt(response.client(), EncryptedJwt.USERINFO, jwt, response.signingAlg().isPresent());
        }
        return Response.ok(jwt, APPLICATION_JWT).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
