package io.gatehouse.model.authorization;

import static io.gatehouse.model.authorization.TestRequests.client;
import static io.gatehouse.model.authorization.TestRequests.parameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatehouse.model.entity.ClientEntity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ClientCheck and RedirectUriCheck: OIDC Core 3.1.2.1, 3.1.2.6; RFC 9700 2.1; RFC 6749 3.1.2.3. */
class ClientAndRedirectUriCheckTest {

    @Test
    void knownEnabledClientPasses() {
        ClientEntity c = client();
        assertSame(c, ClientCheck.require(parameters("client_id", "rp"), c));
    }

    @Test
    void missingUnknownDisabledOrDuplicatedClientIdIsNeverRedirected() {
        assertThrows(UntrustedRedirectException.class, () -> ClientCheck.require(parameters(), null));
        assertThrows(UntrustedRedirectException.class, () -> ClientCheck.require(parameters("client_id", "rp"), null));
        ClientEntity disabled = client();
        disabled.enabled = false;
        assertThrows(UntrustedRedirectException.class, () -> ClientCheck.require(parameters("client_id", "rp"), disabled));
        assertThrows(UntrustedRedirectException.class, () -> ClientCheck.require(parameters("client_id", "rp", "client_id", "x"), client()));
    }

    @Test
    void exactlyMatchingRedirectUriIsUsed() {
        assertEquals("https://rp.example/cb", RedirectUriCheck.resolve(parameters("redirect_uri", "https://rp.example/cb"), client()));
    }

    @Test
    void anyDifferenceFromTheRegisteredStringIsRefused() {
        for (String uri : List.of("https://rp.example/cb/", "https://rp.example/cb?x=1", "https://RP.example/cb",
                "https://rp.example/cb#f", "http://rp.example/cb", "https://rp.example/c")) {
            assertThrows(UntrustedRedirectException.class, () -> RedirectUriCheck.resolve(parameters("redirect_uri", uri), client()), uri);
        }
    }

    @Test
    void missingRedirectUriIsTheRegisteredOneOnlyWhenThereIsExactlyOne() {
        assertEquals("https://rp.example/cb", RedirectUriCheck.resolve(parameters(), client()));
        ClientEntity two = client();
        two.redirectUris = new ArrayList<>(List.of("https://rp.example/a", "https://rp.example/b"));
        assertThrows(UntrustedRedirectException.class, () -> RedirectUriCheck.resolve(parameters(), two));
        ClientEntity none = client();
        none.redirectUris = new ArrayList<>();
        assertThrows(UntrustedRedirectException.class, () -> RedirectUriCheck.resolve(parameters(), none));
    }

    @Test
    void duplicatedRedirectUriIsRefused() {
        assertThrows(UntrustedRedirectException.class, () -> RedirectUriCheck.resolve(
                parameters("redirect_uri", "https://rp.example/cb", "redirect_uri", "https://evil.example/"), client()));
    }
}
