package io.gatehouse.model.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The one place an {@link OAuthException} becomes an HTTP response. */
@Provider
public class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {
    @Override
    public Response toResponse(OAuthException e) {
        return OAuthErrorResponse.of(e.error(), e.wwwAuthenticate(), e.headers());
    }
}
