package io.gatehouse.model.user.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.cert.ManageCertificates;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import io.gatehouse.model.user.UserStoreUnavailableException;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LDAPS and StartTLS (RFC 4513 3): the server's certificate checked against the configured trust store and host. */
class LdapTlsTest {

    static InMemoryDirectoryServer server;
    static File keyStore;
    static char[] keyStorePassword;
    static File otherHostStore;

    @BeforeAll
    static void start() throws Exception {
        keyStorePassword = "test-keystore-password".toCharArray();
        keyStore = selfSigned("localhost");
        File otherHost = selfSigned("ldap.example.com");
        otherHostStore = otherHost;
        SSLUtil serverSsl = new SSLUtil(new KeyStoreKeyManager(keyStore, keyStorePassword, "PKCS12", null), new TrustAllTrustManager());
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(TestDirectory.BASE);
        SSLUtil otherSsl = new SSLUtil(new KeyStoreKeyManager(otherHost, keyStorePassword, "PKCS12", null), new TrustAllTrustManager());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0, serverSsl.createSSLServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPSConfig("other-host", loopback, 0, otherSsl.createSSLServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPConfig("starttls", loopback, 0, serverSsl.createSSLSocketFactory()));
        config.setSchema(null);
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + TestDirectory.BASE, "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: ou=people," + TestDirectory.BASE, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=services," + TestDirectory.BASE, "objectClass: organizationalUnit", "ou: services");
        server.add("dn: " + TestDirectory.SERVICE_DN, "objectClass: person", "cn: gatehouse", "sn: service",
                "userPassword: " + TestDirectory.SERVICE_PASSWORD);
        server.add("dn: uid=bob,ou=people," + TestDirectory.BASE, "objectClass: inetOrgPerson", "uid: bob", "cn: Bob",
                "sn: Baker", "userPassword: bob-password");
        server.startListening();
    }

    /** A PKCS12 key store with a self-signed certificate for {@code dnsName} (its own trust anchor). */
    static File selfSigned(String dnsName) throws Exception {
        File f = File.createTempFile("ldap-tls", ".p12");
        f.delete();
        f.deleteOnExit();
        ResultCode made = ManageCertificates.main(InputStream.nullInputStream(), OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
                "generate-self-signed-certificate", "--keystore", f.getAbsolutePath(), "--keystore-password",
                new String(keyStorePassword), "--keystore-type", "PKCS12", "--alias", dnsName, "--subject-dn", "CN=" + dnsName,
                "--subject-alternative-name-dns", dnsName);
        assertEquals(ResultCode.SUCCESS, made);
        return f;
    }

    @AfterAll
    static void stop() {
        server.shutDown(true);
    }

    static String host() {
        return "localhost"; // the name the certificate carries
    }

    static LdapConfig tls(String url, boolean startTls, Optional<String> trustStore) {
        LdapConfig base = TestDirectory.config(List.of(url));
        return new LdapConfig() {
            public Optional<List<String>> urls() { return base.urls(); }
            public Optional<String> bindDn() { return base.bindDn(); }
            public Optional<String> bindPassword() { return base.bindPassword(); }
            public Optional<String> userBaseDn() { return base.userBaseDn(); }
            public String userFilter() { return base.userFilter(); }
            public String subjectAttribute() { return base.subjectAttribute(); }
            public boolean startTls() { return startTls; }
            public Optional<String> trustStore() { return trustStore; }
            public Optional<String> trustStorePassword() { return Optional.of(new String(keyStorePassword)); }
            public int poolSize() { return 1; }
            public Duration connectTimeout() { return Duration.ofSeconds(2); }
            public Duration responseTimeout() { return Duration.ofSeconds(3); }
            public Duration healthCheckInterval() { return Duration.ofSeconds(30); }
        };
    }

    static LdapUserStore store(LdapConfig config) {
        LdapUserStore s = new LdapUserStore();
        s.config = config;
        return s;
    }

    static Optional<String> trusted() {
        return Optional.of(keyStore.getAbsolutePath());
    }

    @Test
    void ldapsWithATrustedCertificateSignsIn() throws Exception {
        LdapUserStore s = store(tls("ldaps://" + host() + ":" + server.getListenPort("ldaps"), false, trusted()));
        try {
            assertNull(s.verify("bob", "bob-password".toCharArray(), Set.of("cn")).refusal());
        } finally {
            s.close();
        }
    }

    @Test
    void startTlsWithATrustedCertificateSignsIn() throws Exception {
        LdapUserStore s = store(tls("ldap://" + host() + ":" + server.getListenPort("starttls"), true, trusted()));
        try {
            assertEquals(null, s.verify("bob", "bob-password".toCharArray(), Set.of("cn")).refusal());
        } finally {
            s.close();
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefused() throws Exception {
        // A certificate of ldap.example.com, trusted, on a server reached as localhost: the host name check refuses it.
        LdapUserStore s = store(tls("ldaps://localhost:" + server.getListenPort("other-host"), false,
                Optional.of(otherHostStore.getAbsolutePath())));
        try {
            assertThrows(UserStoreUnavailableException.class, () -> s.verify("bob", "bob-password".toCharArray(), Set.of("cn")));
        } finally {
            s.close();
        }
    }

    @Test
    void anUntrustedCertificateIsNoDirectory() throws Exception {
        // The JVM's CAs do not know the self-signed certificate: the connection is refused, the login unavailable.
        LdapUserStore s = store(tls("ldaps://" + host() + ":" + server.getListenPort("ldaps"), false, Optional.empty()));
        try {
            assertThrows(UserStoreUnavailableException.class, () -> s.verify("bob", "bob-password".toCharArray(), Set.of("cn")));
        } finally {
            s.close();
        }
    }
}
