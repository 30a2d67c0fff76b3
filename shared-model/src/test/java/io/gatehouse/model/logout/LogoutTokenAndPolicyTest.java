package io.gatehouse.model.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatehouse.model.outbound.OutboundAddressPolicy;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogoutTokenAndPolicyTest {

    @Test
    void logoutTokenHasTheEventAndNeverANonce() {
        Map<String, Object> m = new LogoutTokenClaims("https://op", "rp", Instant.ofEpochSecond(10), Instant.ofEpochSecond(130),
                "j1", "alice", "s1").toMap();
        assertEquals(Map.of(LogoutTokenClaims.EVENT, Map.of()), m.get("events"));
        assertFalse(m.containsKey("nonce"));
        assertEquals("s1", m.get("sid"));
        assertEquals(130L, m.get("exp"));
    }

    @Test
    void logoutTokenNeedsSubOrSid() {
        assertThrows(IllegalArgumentException.class, () -> new LogoutTokenClaims("i", "a", Instant.now(), Instant.now(), "j", null, null));
        assertNotNull(new LogoutTokenClaims("i", "a", Instant.now(), Instant.now(), "j", null, "sid").toMap().get("sid"));
    }

    @Test
    void internalAddressesAreRefusedUnlessAllowed() {
        OutboundAddressPolicy strict = new OutboundAddressPolicy(false);
        for (String uri : new String[] {"http://127.0.0.1/x", "http://localhost:8080/x", "http://10.1.2.3/", "http://192.168.0.1/",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://0.0.0.0/", "http://100.64.0.1/"}) {
            assertNotNull(strict.rejection(uri), uri);
        }
        assertNotNull(strict.rejection("file:///etc/passwd"));
        assertNotNull(strict.rejection("gopher://example.com/"));
        assertNull(new OutboundAddressPolicy(true).rejection("http://127.0.0.1:9/x"));
    }
}
