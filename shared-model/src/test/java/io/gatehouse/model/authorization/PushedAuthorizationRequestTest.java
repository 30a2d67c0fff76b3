package io.gatehouse.model.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushedAuthorizationRequestTest {

    @Test
    void clientAuthenticationParametersAreNotPartOfTheRequest() {
        RequestParameters p = PushedAuthorizationRequest.parameters(Map.of("client_id", "rp", "client_secret", "s",
                "response_type", "code", "scope", "openid"), "rp");
        assertEquals(Map.of("client_id", "rp", "response_type", "code", "scope", "openid"), p.values());
        RequestParameters jwt = PushedAuthorizationRequest.parameters(Map.of("client_assertion", "a.b.c",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "scope", "openid"), "rp");
        assertEquals(Map.of("client_id", "rp", "scope", "openid"), jwt.values());
    }

    @Test
    void clientIdLeftOutIsTheAuthenticatedClient() {
        assertEquals("rp", PushedAuthorizationRequest.parameters(Map.of("scope", "openid"), "rp").get("client_id"));
    }

    @Test
    void clientIdOfAnotherClientIsInvalidRequest() {
        OAuthException e = assertThrows(OAuthException.class,
                () -> PushedAuthorizationRequest.parameters(Map.of("client_id", "other"), "rp"));
        assertEquals("invalid_request", e.error().code());
    }

    @Test
    void requestUriMustNotBePushed() {
        OAuthException e = assertThrows(OAuthException.class, () -> PushedAuthorizationRequest.parameters(
                Map.of("client_id", "rp", "request_uri", PushedAuthorizationRequest.REQUEST_URI_PREFIX + "x"), "rp"));
        assertEquals("invalid_request", e.error().code());
        assertEquals(400, e.error().status());
    }

    @Test
    void clientMetadataDecidesWhetherPushingIsRequired() {
        ClientEntity c = new ClientEntity();
        c.metadata = new HashMap<>();
        assertFalse(PushedAuthorizationRequest.required(c));
        c.metadata.put(PushedAuthorizationRequest.REQUIRE_METADATA, false);
        assertFalse(PushedAuthorizationRequest.required(c));
        c.metadata.put(PushedAuthorizationRequest.REQUIRE_METADATA, true);
        assertTrue(PushedAuthorizationRequest.required(c));
        c.metadata = null;
        assertFalse(PushedAuthorizationRequest.required(c));
    }
}
