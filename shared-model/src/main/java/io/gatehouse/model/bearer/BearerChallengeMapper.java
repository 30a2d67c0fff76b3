package io.gatehouse.model.bearer;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a {@link BearerChallenge}: status, WWW-Authenticate, and the error as JSON when there is one. */
@Provider
public class BearerChallengeMapper implements ExceptionMapper<BearerChallenge> {

    @Override
    public Response toResponse(BearerChallenge c) {
        Response.ResponseBuilder r = Response.status(c.status())
                .header("WWW-Authenticate", c.wwwAuthenticate())
                .header("Cache-Control", "no-store");
        if (c.dpopNonce() != null) {
            r.header("DPoP-Nonce", c.dpopNonce()); // RFC 9449 9
        }
        if (c.error() != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", c.error());
            body.put("error_description", c.description());
            r.type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        }
        return r.build();
    }
}
