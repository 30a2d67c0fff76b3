package io.gatehouse.model.user.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.user.Authentication.Refusal;
import io.gatehouse.model.user.UserStoreUnavailableException;
import io.gatehouse.model.user.ldap.LdapUserStore.DirectoryAnswer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The directory part of an LDAP login, against a real (in-memory) LDAP server. */
class LdapUserStoreTest {

    static final Set<String> MAPPED = Set.of("cn", "givenName", "sn", "mail", "uid", "telephoneNumber", "postalAddress",
            "l", "c", "jpegPhoto", "userPassword");

    static TestDirectory directory;
    static LdapUserStore store;

    @BeforeAll
    static void start() throws Exception {
        directory = new TestDirectory();
        store = store(List.of(directory.url()));
    }

    @AfterAll
    static void stop() {
        store.close();
        directory.close();
    }

    static LdapUserStore store(List<String> urls) {
        LdapUserStore s = new LdapUserStore();
        s.config = TestDirectory.config(urls);
        return s;
    }

    @Test
    void rightPasswordGivesTheEntryUuidAsSubjectAndTheMappedAttributes() throws Exception {
        DirectoryAnswer a = store.verify("bob", "bob-password".toCharArray(), MAPPED);
        assertNull(a.refusal());
        String entryUuid = directory.server.getEntry("uid=bob,ou=people," + TestDirectory.BASE, "entryUUID")
                .getAttributeValue("entryUUID");
        assertEquals(UUID.fromString(entryUuid), a.subject());
        assertEquals("Bob", a.attributes().get("givenName"));
        assertEquals(List.of("bob@example.org", "robert@example.org"), a.attributes().get("mail"), "multi-valued");
        assertEquals("Storgatan 1\n111 22 Stockholm\nSweden", a.attributes().get("postalAddress"));
        assertEquals("/9j/4AAQSkZJRg==", a.attributes().get("jpegPhoto"), "binary as base64");
        assertTrue(!a.attributes().containsKey("userPassword") || a.attributes().get("userPassword") != null);
    }

    @Test
    void wrongPasswordUnknownUserAndEmptyPasswordAreInvalidCredentials() {
        assertEquals(Refusal.INVALID_CREDENTIALS, store.verify("bob", "nope".toCharArray(), MAPPED).refusal());
        assertEquals(Refusal.INVALID_CREDENTIALS, store.verify("nobody", "bob-password".toCharArray(), MAPPED).refusal());
        // RFC 4513 5.1.2: an empty password would be an unauthenticated bind, which succeeds.
        assertEquals(Refusal.INVALID_CREDENTIALS, store.verify("bob", new char[0], MAPPED).refusal());
    }

    @Test
    void filterInjectionFindsNobody() {
        // RFC 4515: the username is an assertion value; "*)(uid=*" must not match every entry.
        assertEquals(Refusal.INVALID_CREDENTIALS, store.verify("*)(uid=*", "bob-password".toCharArray(), MAPPED).refusal());
        assertEquals(Refusal.INVALID_CREDENTIALS, store.verify("*", "bob-password".toCharArray(), MAPPED).refusal());
        assertEquals(Refusal.INVALID_CREDENTIALS, store.verify("bob)(|(uid=*", "bob-password".toCharArray(), MAPPED).refusal());
    }

    @Test
    void accountStatesRefuseLogin() {
        assertEquals(Refusal.ACCOUNT_LOCKED, store.verify("carol", "carol-password".toCharArray(), MAPPED).refusal());
        assertEquals(Refusal.ACCOUNT_DISABLED, store.verify("dave", "dave-password".toCharArray(), MAPPED).refusal());
        assertEquals(Refusal.PASSWORD_EXPIRED, store.verify("erin", "erin-password".toCharArray(), MAPPED).refusal());
        // A wrong password for a locked account says no more than a wrong password.
        assertEquals(Refusal.INVALID_CREDENTIALS, store.verify("carol", "wrong".toCharArray(), MAPPED).refusal());
    }

    @Test
    void pooledConnectionsStayBoundAsTheServiceAccount() throws Exception {
        store.verify("bob", "bob-password".toCharArray(), MAPPED);
        var who = store.directory().pool().processExtendedOperation(new com.unboundid.ldap.sdk.extensions.WhoAmIExtendedRequest());
        assertEquals("dn:" + TestDirectory.SERVICE_DN,
                ((com.unboundid.ldap.sdk.extensions.WhoAmIExtendedResult) who).getAuthorizationID());
    }

    @Test
    void failsOverToTheNextServer() throws Exception {
        LdapUserStore s = store(List.of("ldap://127.0.0.1:" + closedPort(), directory.url()));
        try {
            assertNull(s.verify("bob", "bob-password".toCharArray(), MAPPED).refusal());
        } finally {
            s.close();
        }
    }

    @Test
    void unreachableDirectoryIsUnavailableNotARefusal() throws Exception {
        LdapUserStore s = store(List.of("ldap://127.0.0.1:" + closedPort()));
        try {
            assertThrows(UserStoreUnavailableException.class, () -> s.verify("bob", "bob-password".toCharArray(), MAPPED));
            assertTrue(!s.directory().reachable());
        } finally {
            s.close();
        }
    }

    @Test
    void recoversWhenTheDirectoryReturns() throws Exception {
        try (TestDirectory second = new TestDirectory()) {
            int port = second.port();
            LdapUserStore s = store(List.of(second.url()));
            try {
                assertNull(s.verify("bob", "bob-password".toCharArray(), MAPPED).refusal());
                second.server.shutDown("ldap", true);
                assertThrows(UserStoreUnavailableException.class, () -> s.verify("bob", "bob-password".toCharArray(), MAPPED));
                second.server.startListening("ldap");
                assertEquals(port, second.server.getListenPort());
                assertNull(s.verify("bob", "bob-password".toCharArray(), MAPPED).refusal());
                assertTrue(s.directory().reachable());
            } finally {
                s.close();
            }
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
