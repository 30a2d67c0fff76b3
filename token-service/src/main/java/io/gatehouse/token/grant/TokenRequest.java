package io.gatehouse.token.grant;

import io.gatehouse.model.dpop.DpopProof;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.request.FormParameters;
import java.util.List;
import java.util.Map;

/**
 * A token request (RFC 6749 3.2): its grant_type, its parameters, each present at most once, and its verified DPoP
 * proof (RFC 9449 5), or null.
 */
public record TokenRequest(String grantType, Map<String, String> parameters, DpopProof dpop) {

    public TokenRequest {
        parameters = Map.copyOf(parameters);
    }

    public TokenRequest(String grantType, Map<String, String> parameters) {
        this(grantType, parameters, null);
    }

    /** This request with its verified DPoP proof. */
    public TokenRequest withDpop(DpopProof proof) {
        return new TokenRequest(grantType, parameters, proof);
    }

    /** The thumbprint of the DPoP proof's key, to bind the issued tokens to (RFC 9449 6); null without a proof. */
    public String dpopJkt() {
        return dpop == null ? null : dpop.jkt();
    }

    /** Parses a token request body: repeated parameters and a missing grant_type are {@code invalid_request}. */
    public static TokenRequest parse(Map<String, List<String>> form) {
        Map<String, String> parameters = FormParameters.single(form);
        String grantType = parameters.get("grant_type");
        if (grantType == null) {
            throw OAuthError.invalidRequest("grant_type is required").toException();
        }
        return new TokenRequest(grantType, parameters);
    }

    /** The parameter's value; {@code invalid_request} when it is absent. */
    public String required(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw OAuthError.invalidRequest(name + " is required").toException();
        }
        return value;
    }

    /** The parameter's value, or null. */
    public String optional(String name) {
        return parameters.get(name);
    }
}
