package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;
import java.util.regex.Pattern;

/**
 * RFC 9449 10: {@code dpop_jkt} binds the authorization code to a DPoP key; its value is a JWK SHA-256 thumbprint
 * (RFC 7638), 43 base64url characters.
 */
public final class DpopJktCheck implements AuthorizationCheck {

    static final Pattern THUMBPRINT = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Override
    public void check(AuthorizationRequest request, ClientEntity client) {
        String jkt = request.dpopJkt();
        if (jkt != null && !THUMBPRINT.matcher(jkt).matches()) {
            throw OAuthError.invalidRequest("dpop_jkt must be a base64url SHA-256 JWK thumbprint").toException();
        }
    }
}
