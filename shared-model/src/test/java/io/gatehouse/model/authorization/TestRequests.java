package io.gatehouse.model.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests and clients for the unit tests of the authorization checks. */
final class TestRequests {

    private TestRequests() {
    }

    static ClientEntity client() {
        ClientEntity c = new ClientEntity();
        c.clientId = "rp";
        c.redirectUris = new ArrayList<>(List.of("https://rp.example/cb"));
        c.responseTypes = new ArrayList<>(List.of("code", "id_token", "code id_token token"));
        c.scope = "openid profile email offline_access";
        c.tokenEndpointAuthMethod = "client_secret_basic";
        c.metadata = new HashMap<>();
        return c;
    }

    /** A request from name-value pairs. */
    static AuthorizationRequest request(String... nameValues) {
        return AuthorizationRequest.parse(parameters(nameValues));
    }

    static RequestParameters parameters(String... nameValues) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.computeIfAbsent(nameValues[i], k -> new ArrayList<>()).add(nameValues[i + 1]);
        }
        return RequestParameters.of(m);
    }

    /** A code request of the test client, with extra parameters. */
    static AuthorizationRequest code(String... extra) {
        List<String> all = new ArrayList<>(List.of("client_id", "rp", "response_type", "code", "scope", "openid",
                "redirect_uri", "https://rp.example/cb", "state", "s"));
        all.addAll(java.util.Arrays.asList(extra));
        // later values replace earlier ones for the same name
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i += 2) {
            m.put(all.get(i), all.get(i + 1));
        }
        List<String> flat = new ArrayList<>();
        m.forEach((k, v) -> {
            if (v != null) {
                flat.add(k);
                flat.add(v);
            }
        });
        return request(flat.toArray(String[]::new));
    }

    static void fails(AuthorizationCheck check, AuthorizationRequest request, ClientEntity client, String error) {
        OAuthException e = assertThrows(OAuthException.class, () -> check.check(request, client));
        assertEquals(error, e.error().code());
    }
}
