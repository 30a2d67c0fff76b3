package io.gatehouse.model.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatehouse.model.client.ClientCredentials.Kind;
import io.gatehouse.model.error.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest {

    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("c1:s1".getBytes(StandardCharsets.UTF_8));

    static String assertion(String sub) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return b.encodeToString("{\"alg\":\"RS256\"}".getBytes()) + "." + b.encodeToString(("{\"sub\":\"" + sub + "\"}").getBytes()) + ".c2ln";
    }

    static String error(List<String> authorization, Map<String, String> form) {
        return assertThrows(OAuthException.class, () -> ClientCredentials.parse(authorization, form)).error().code();
    }

    @Test
    void eachPresentationIsRecognised() {
        assertEquals(Kind.HTTP_BASIC, ClientCredentials.parse(List.of(BASIC), Map.of()).kind());
        assertEquals(Kind.FORM_SECRET, ClientCredentials.parse(null, Map.of("client_id", "c1", "client_secret", "s")).kind());
        ClientCredentials jwt = ClientCredentials.parse(null, Map.of("client_assertion_type", ClientCredentials.JWT_BEARER,
                "client_assertion", assertion("c1")));
        assertEquals(Kind.JWT_ASSERTION, jwt.kind());
        assertEquals("c1", jwt.clientId());
        assertEquals(Kind.CLIENT_ID_ONLY, ClientCredentials.parse(List.of(), Map.of("client_id", "c1")).kind());
    }

    @Test
    void aBearerAuthorizationHeaderIsNotClientAuthentication() {
        assertEquals(Kind.CLIENT_ID_ONLY, ClientCredentials.parse(List.of("Bearer x"), Map.of("client_id", "c1")).kind());
    }

    @Test
    void moreThanOneMethodIsInvalidRequest() {
        assertEquals("invalid_request", error(List.of(BASIC), Map.of("client_secret", "s1", "client_id", "c1")));
        assertEquals("invalid_request", error(null, Map.of("client_id", "c1", "client_secret", "s",
                "client_assertion_type", ClientCredentials.JWT_BEARER, "client_assertion", assertion("c1"))));
        assertEquals("invalid_request", error(List.of(BASIC, BASIC), Map.of()));
    }

    @Test
    void clientIdParameterMustNameTheSameClient() {
        assertEquals("c1", ClientCredentials.parse(List.of(BASIC), Map.of("client_id", "c1")).clientId());
        assertEquals("invalid_client", error(List.of(BASIC), Map.of("client_id", "c2")));
        assertEquals("invalid_client", error(null, Map.of("client_id", "c2",
                "client_assertion_type", ClientCredentials.JWT_BEARER, "client_assertion", assertion("c1"))));
    }

    @Test
    void incompleteCredentialsAreInvalidClient() {
        assertEquals("invalid_client", error(null, Map.of()));
        assertEquals("invalid_client", error(null, Map.of("client_secret", "s")));
        assertEquals("invalid_client", error(null, Map.of("client_assertion", assertion("c1"))));
        assertEquals("invalid_client", error(null, Map.of("client_assertion_type", "urn:other", "client_assertion", assertion("c1"))));
        assertEquals("invalid_client", error(null, Map.of("client_assertion_type", ClientCredentials.JWT_BEARER)));
        assertEquals("invalid_client", error(null, Map.of("client_assertion_type", ClientCredentials.JWT_BEARER,
                "client_assertion", "not-a-jwt")));
        assertEquals("invalid_client", error(null, Map.of("client_assertion_type", ClientCredentials.JWT_BEARER,
                "client_assertion", assertion("c1") + "x".repeat(20_000))));
    }
}
