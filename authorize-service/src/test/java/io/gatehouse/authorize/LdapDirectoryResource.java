package io.gatehouse.authorize;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetAddress;
import java.util.Map;

/** A real LDAP server (UnboundID in-memory) on loopback, and the configuration that makes it the user store. */
public class LdapDirectoryResource implements QuarkusTestResourceLifecycleManager {

    static final String BASE = "dc=example,dc=org";
    static volatile InMemoryDirectoryServer server;

    @Override
    public Map<String, String> start() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
            config.setSchema(null);
            server = new InMemoryDirectoryServer(config);
            server.add("dn: " + BASE, "objectClass: domain", "dc: example");
            server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
            server.add("dn: cn=gatehouse," + BASE, "objectClass: person", "cn: gatehouse", "sn: service", "userPassword: service-secret");
            server.add("dn: uid=bob,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: bob", "cn: Bob Baker",
                    "givenName: Bob", "sn: Baker", "mail: bob@example.org", "mail: robert@example.org",
                    "telephoneNumber: +46 8 123 456", "postalAddress: Storgatan 1$111 22 Stockholm$Sweden",
                    "l: Stockholm", "c: SE", "memberOf: cn=staff,ou=groups," + BASE, "memberOf: cn=admins,ou=groups," + BASE,
                    "userPassword: bob-password");
            server.add("dn: uid=carol,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: carol", "cn: Carol",
                    "sn: Clark", "userPassword: carol-password", "pwdAccountLockedTime: 000001010000Z");
            server.add("dn: uid=dora,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: dora", "cn: Dora", "sn: Diaz",
                    "userPassword: dora-password");
            server.startListening();
            return Map.of("gatehouse.users.store", "ldap",
                    "gatehouse.ldap.urls", "ldap://127.0.0.1:" + server.getListenPort(),
                    "gatehouse.ldap.bind-dn", "cn=gatehouse," + BASE,
                    "gatehouse.ldap.bind-password", "service-secret",
                    "gatehouse.ldap.user-base-dn", "ou=people," + BASE,
                    "gatehouse.ldap.connect-timeout", "1s",
                    "gatehouse.ldap.response-timeout", "2s");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String entryUuid(String uid) throws Exception {
        return server.getEntry("uid=" + uid + ",ou=people," + BASE, "entryUUID").getAttributeValue("entryUUID");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutDown(true);
        }
    }
}
