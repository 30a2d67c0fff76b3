package io.gatehouse.model.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void internalAddressesAreRefusedUnlessAllowed() throws Exception {
        for (String host : new String[] {"127.0.0.1", "localhost", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "0.0.0.0",
                "100.64.0.1"}) {
            for (java.net.InetAddress a : java.net.InetAddress.getAllByName(host)) {
                assertTrue(OutboundAddressPolicy.isInternal(a), host);
            }
        }
        assertFalse(OutboundAddressPolicy.isInternal(java.net.InetAddress.getByName("93.184.216.34")));
        // Schemes other than http(s), and the policy switched off, are SocketOutboundFetchTest's.
    }
}
