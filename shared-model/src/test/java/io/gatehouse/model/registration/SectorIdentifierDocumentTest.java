package io.gatehouse.model.registration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.error.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OIDC Registration 5: the sector identifier document lists every redirect URI. */
class SectorIdentifierDocumentTest {

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void documentListingEveryRedirectUriPasses() {
        assertDoesNotThrow(() -> SectorIdentifierDocument.check(json("[\"https://a.example/cb\",\"https://b.example/cb\"]"),
                List.of("https://a.example/cb")));
    }

    @Test
    void documentLackingARedirectUriFails() {
        OAuthException e = assertThrows(OAuthException.class, () -> SectorIdentifierDocument.check(
                json("[\"https://a.example/cb\"]"), List.of("https://a.example/cb", "https://c.example/cb")));
        assertEquals("invalid_client_metadata", e.error().code());
        assertTrue(e.error().description().contains("https://c.example/cb"));
    }

    @Test
    void documentThatIsNotAnArrayOfStringsFails() {
        for (String body : List.of("{\"redirect_uris\":[]}", "[1,2]", "not json", "")) {
            OAuthException e = assertThrows(OAuthException.class, () -> SectorIdentifierDocument.check(json(body), List.of("https://a.example/cb")));
            assertEquals("invalid_client_metadata", e.error().code());
        }
    }
}
