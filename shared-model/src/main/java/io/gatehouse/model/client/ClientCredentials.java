package io.gatehouse.model.client;

import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.jose.Json;
import io.gatehouse.model.jose.Jws;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What a request presents to authenticate its client (RFC 6749 2.3, RFC 7521 4.2), before anything is checked:
 * the claimed client_id and how it is proven. Which method is acceptable is the registered client's decision, never
 * this request's. Pure.
 *
 * @param clientId  the client_id claimed (Basic user name, form client_id, or the assertion's unverified sub)
 * @param kind      how the request authenticates
 * @param secret    the secret of {@link Kind#HTTP_BASIC} or {@link Kind#FORM_SECRET}, else null
 * @param assertion the compact JWT of {@link Kind#JWT_ASSERTION}, else null
 */
public record ClientCredentials(String clientId, Kind kind, String secret, String assertion) {

    /** RFC 7523 2.2: the only client_assertion_type understood. */
    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** How a request presents its credentials. */
    public enum Kind {
        /** Authorization: Basic (client_secret_basic). */
        HTTP_BASIC,
        /** client_id and client_secret in the body (client_secret_post). */
        FORM_SECRET,
        /** client_assertion (client_secret_jwt, private_key_jwt). */
        JWT_ASSERTION,
        /** client_id alone (none: public clients). */
        CLIENT_ID_ONLY
    }

    /**
     * Reads the credentials of a request.
     *
     * @param authorization values of the Authorization header (null or empty when absent)
     * @param form          the request's form parameters, each at most once (repetition already refused)
     */
    public static ClientCredentials parse(List<String> authorization, Map<String, String> form) {
        List<String> basic = authorization == null ? List.of() : authorization.stream().filter(BasicCredentials::isBasic).toList();
        if (basic.size() > 1) {
            throw OAuthError.invalidRequest("more than one Authorization header").toException();
        }
        String formClientId = form.get("client_id");
        String formSecret = form.get("client_secret");
        String assertionType = form.get("client_assertion_type");
        String assertion = form.get("client_assertion");
        boolean usesAssertion = assertionType != null || assertion != null;
        int methods = (basic.isEmpty() ? 0 : 1) + (formSecret == null ? 0 : 1) + (usesAssertion ? 1 : 0);
        if (methods > 1) {
            // RFC 6749 2.3: the client MUST NOT use more than one authentication method in each request.
            throw OAuthError.invalidRequest("more than one client authentication method was used").toException();
        }
        if (!basic.isEmpty()) {
            BasicCredentials b = BasicCredentials.parse(basic.get(0));
            return new ClientCredentials(agreeing(b.clientId(), formClientId), Kind.HTTP_BASIC, b.secret(), null);
        }
        if (formSecret != null) {
            if (formClientId == null) {
                throw invalidClient("client_secret without client_id");
            }
            return new ClientCredentials(formClientId, Kind.FORM_SECRET, formSecret, null);
        }
        if (usesAssertion) {
            if (!JWT_BEARER.equals(assertionType)) {
                throw invalidClient("client_assertion_type must be " + JWT_BEARER);
            }
            if (assertion == null) {
                throw invalidClient("client_assertion is missing");
            }
            return new ClientCredentials(agreeing(unverifiedSubject(assertion), formClientId), Kind.JWT_ASSERTION, null, assertion);
        }
        if (formClientId != null) {
            return new ClientCredentials(formClientId, Kind.CLIENT_ID_ONLY, null, null);
        }
        throw invalidClient("client authentication is required");
    }

    /** RFC 6749 2.3.1, RFC 7521 4.2: a client_id parameter, when present too, must name the same client. */
    private static String agreeing(String authenticated, String formClientId) {
        if (authenticated == null) {
            throw invalidClient("the client assertion names no client");
        }
        if (formClientId != null && !formClientId.equals(authenticated)) {
            throw invalidClient("client_id does not match the client's credentials");
        }
        return authenticated;
    }

    /** The sub of an assertion, read only to find the client whose keys will verify it (RFC 7523 3 item 2). */
    private static String unverifiedSubject(String assertion) {
        if (assertion.length() > Jws.MAX_LENGTH) {
            throw invalidClient("client_assertion is too long");
        }
        String[] parts = assertion.split("\\.", -1);
        if (parts.length != 3) {
            throw invalidClient("client_assertion is not a JWS");
        }
        Map<String, Object> claims;
        try {
            claims = Json.readObject(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException e) {
            claims = null;
        }
        return claims != null && claims.get("sub") instanceof String sub && !sub.isEmpty() ? sub : null;
    }

    private static RuntimeException invalidClient(String description) {
        return OAuthError.invalidClient(description).toException();
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", kind=" + kind + "]";
    }
}
