package io.gatehouse.model.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.entity.ClientEntity;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OIDC Core 8.1: pairwise subject identifiers. */
class PairwiseSubjectTest {

    static final byte[] SALT = "salt".getBytes(StandardCharsets.UTF_8);

    @Test
    void sectorIsTheSectorIdentifierUriHostElseTheSingleRedirectHost() {
        assertEquals(Optional.of("sector.example"), PairwiseSubject.sectorIdentifier("https://Sector.example/s.json",
                List.of("https://a.example/cb", "https://b.example/cb")));
        assertEquals(Optional.of("rp.example"), PairwiseSubject.sectorIdentifier(null,
                List.of("https://rp.example/cb", "https://RP.example:8443/other")));
        assertEquals(Optional.empty(), PairwiseSubject.sectorIdentifier(null, List.of("https://a.example/cb", "https://b.example/cb")));
        assertEquals(Optional.empty(), PairwiseSubject.sectorIdentifier(null, List.of("com.example.app:/cb")));
        assertEquals(Optional.empty(), PairwiseSubject.sectorIdentifier(null, List.of()));
    }

    @Test
    void sameSectorSameSubjectOtherSectorOtherSubject() {
        String a = PairwiseSubject.compute("a.example", "user-1", SALT);
        assertEquals(a, PairwiseSubject.compute("a.example", "user-1", SALT));
        assertNotEquals(a, PairwiseSubject.compute("b.example", "user-1", SALT));
        assertNotEquals(a, PairwiseSubject.compute("a.example", "user-2", SALT));
        assertNotEquals(a, PairwiseSubject.compute("a.example", "user-1", "other".getBytes(StandardCharsets.UTF_8)));
        assertTrue(a.matches("[A-Za-z0-9_-]{43}"), a);
    }

    @Test
    void concatenationDoesNotCollide() {
        assertNotEquals(PairwiseSubject.compute("a.example", "1user", SALT), PairwiseSubject.compute("a.example1", "user", SALT));
    }

    @Test
    void publicClientsSeeTheLocalSubjectPairwiseClientsTheirSectorsValue() {
        SubjectIdentifiers subjects = new SubjectIdentifiers(SALT);
        ClientEntity pub = client("public", List.of("https://a.example/cb"), null);
        ClientEntity one = client("pairwise", List.of("https://a.example/cb"), null);
        ClientEntity two = client("pairwise", List.of("https://a.example/other"), null);
        ClientEntity viaSector = client("pairwise", List.of("https://x.example/cb"), "https://a.example/sector.json");
        ClientEntity elsewhere = client("pairwise", List.of("https://b.example/cb"), null);
        assertEquals("user-1", subjects.subjectFor(pub, "user-1"));
        String s = subjects.subjectFor(one, "user-1");
        assertNotEquals("user-1", s);
        assertEquals(s, subjects.subjectFor(two, "user-1"));
        assertEquals(s, subjects.subjectFor(viaSector, "user-1"));
        assertNotEquals(s, subjects.subjectFor(elsewhere, "user-1"));
        assertEquals("user-1", subjects.toLocal(two, s, "user-1"), "a hinted pairwise sub maps back to its user");
        assertEquals(s, subjects.toLocal(elsewhere, s, "user-1"), "another sector's value names nobody");
    }

    static ClientEntity client(String subjectType, List<String> redirectUris, String sectorUri) {
        ClientEntity c = new ClientEntity();
        c.clientId = "c-" + redirectUris;
        c.redirectUris = redirectUris;
        Map<String, Object> m = new HashMap<>();
        m.put("subject_type", subjectType);
        if (sectorUri != null) {
            m.put("sector_identifier_uri", sectorUri);
        }
        c.metadata = m;
        return c;
    }
}
