package io.gatehouse.model.authorization;

import io.gatehouse.model.entity.ClientEntity;
import java.util.Map;

/**
 * Which request objects a client may send, as a pure function of its registration (issue 16.9):
 * <ul>
 * <li>{@code request_object_signing_alg} (OIDC Registration 2): every request object must use that algorithm;</li>
 * <li>unsigned ({@code alg: none}) objects only from a client that registered {@code none}, unless the deployment
 * accepts them from clients that registered no algorithm ({@code unsignedByDefault}, Registration 2's default,
 * which the OpenID Foundation's dynamic plan relies on);</li>
 * <li>{@code require_signed_request_object} (RFC 9101 10.5): every authorization request comes as a signed request
 * object, by value or by reference, and none is unsigned.</li>
 * </ul>
 */
public record RequestObjectPolicy(String registeredAlg, boolean requireSigned, boolean unsignedByDefault) {

    public static RequestObjectPolicy of(ClientEntity client, boolean unsignedByDefault) {
        Map<String, Object> m = client.metadata == null ? Map.of() : client.metadata;
        Object alg = m.get("request_object_signing_alg");
        return new RequestObjectPolicy(alg instanceof String s ? s : null,
                Boolean.TRUE.equals(m.get("require_signed_request_object")), unsignedByDefault);
    }

    /** RFC 9101 10.5: whether a request without a request object must be refused. */
    public boolean requiresObject() {
        return requireSigned;
    }

    /** Whether an {@code alg: none} request object is accepted; the reason it is not otherwise. */
    public String unsignedRejection() {
        if (requireSigned) {
            return "this client registered require_signed_request_object: its request objects must be signed (RFC 9101 10.5)";
        }
        if ("none".equals(registeredAlg) || (registeredAlg == null && unsignedByDefault)) {
            return null;
        }
        return registeredAlg == null
                ? "unsigned request objects are accepted only from clients that registered request_object_signing_alg none"
                : "the client must sign its request objects with " + registeredAlg;
    }
}
