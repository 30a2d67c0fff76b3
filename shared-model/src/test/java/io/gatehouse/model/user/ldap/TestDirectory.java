package io.gatehouse.model.user.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A real LDAP server for the tests: UnboundID's in-memory directory on a loopback port, with a few users. */
final class TestDirectory implements AutoCloseable {

    static final String BASE = "dc=example,dc=org";
    static final String SERVICE_DN = "cn=gatehouse,ou=services," + BASE;
    static final String SERVICE_PASSWORD = "service-secret";

    final InMemoryDirectoryServer server;

    TestDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.setSchema(null); // pwdAccountLockedTime, userAccountControl and the like without their schemas
        config.addAdditionalBindCredentials("cn=Directory Manager", "manager");
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=services," + BASE, "objectClass: organizationalUnit", "ou: services");
        server.add("dn: " + SERVICE_DN, "objectClass: person", "cn: gatehouse", "sn: service", "userPassword: " + SERVICE_PASSWORD);
        server.add("dn: uid=bob,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: bob", "cn: Bob Baker",
                "givenName: Bob", "sn: Baker", "mail: bob@example.org", "mail: robert@example.org",
                "telephoneNumber: +46 8 123 456", "postalAddress: Storgatan 1$111 22 Stockholm$Sweden",
                "l: Stockholm", "c: SE", "userPassword: bob-password",
                "jpegPhoto:: /9j/4AAQSkZJRg==");
        server.add("dn: uid=carol,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: carol", "cn: Carol",
                "sn: Clark", "userPassword: carol-password", "pwdAccountLockedTime: 000001010000Z");
        server.add("dn: uid=dave,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: dave", "cn: Dave",
                "sn: Dean", "userPassword: dave-password", "userAccountControl: 514"); // 512 | ACCOUNTDISABLE
        server.add("dn: uid=erin,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: erin", "cn: Erin",
                "sn: Eve", "userPassword: erin-password", "msDS-User-Account-Control-Computed: 8388608"); // PASSWORD_EXPIRED
        server.startListening();
    }

    int port() {
        return server.getListenPort();
    }

    String url() {
        return "ldap://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    /** A configuration of the LDAP store against {@code urls}, otherwise the documented defaults. */
    static LdapConfig config(List<String> urls) {
        return new LdapConfig() {
            public Optional<List<String>> urls() { return Optional.of(urls); }
            public Optional<String> bindDn() { return Optional.of(SERVICE_DN); }
            public Optional<String> bindPassword() { return Optional.of(SERVICE_PASSWORD); }
            public Optional<String> userBaseDn() { return Optional.of("ou=people," + BASE); }
            public String userFilter() { return "(&(objectClass=inetOrgPerson)(uid={username}))"; }
            public String subjectAttribute() { return "entryUUID"; }
            public boolean startTls() { return false; }
            public Optional<String> trustStore() { return Optional.empty(); }
            public Optional<String> trustStorePassword() { return Optional.empty(); }
            public int poolSize() { return 2; }
            public Duration connectTimeout() { return Duration.ofSeconds(2); }
            public Duration responseTimeout() { return Duration.ofSeconds(3); }
            public Duration healthCheckInterval() { return Duration.ofSeconds(30); }
        };
    }
}
