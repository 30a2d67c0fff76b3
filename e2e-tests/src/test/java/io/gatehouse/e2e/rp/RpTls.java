package io.gatehouse.e2e.rp;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The relying party's TLS identity for documents that must be served over https (a sector_identifier_uri, OIDC
 * Registration 5): a self-signed certificate for 127.0.0.1 made once per test JVM with the JDK's keytool, and a
 * trust store for the service processes holding the JDK's CA certificates plus that one certificate, so the services
 * fetch over real TLS with the default trust manager, as in production.
 */
public final class RpTls {

    private static final String PASSWORD = "changeit";
    private static Path directory;
    private static SSLContext serverContext;

    private RpTls() {
    }

    /** The trust store the services are started with ({@code -Djavax.net.ssl.trustStore}), made on first use. */
    public static synchronized Path serviceTrustStore(Path under) {
        make(under);
        return directory.resolve("services-truststore.p12");
    }

    public static String trustStorePassword() {
        return PASSWORD;
    }

    /** The server side: the key and certificate for 127.0.0.1. */
    static synchronized SSLContext serverContext() {
        if (serverContext == null) {
            throw new IllegalStateException("the suite has not made the relying party's TLS material");
        }
        return serverContext;
    }

    private static void make(Path under) {
        if (directory != null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(under);
            Path keyStore = dir.resolve("rp-host.p12");
            Files.deleteIfExists(keyStore);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "rp-host", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore key = KeyStore.getInstance("PKCS12");
            try (InputStream in = new FileInputStream(keyStore.toFile())) {
                key.load(in, PASSWORD.toCharArray());
            }
            Certificate certificate = key.getCertificate("rp-host");

            // The JDK's CA certificates stay trusted: only the relying party's certificate is added.
            Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
            KeyStore trust = KeyStore.getInstance(cacerts.toFile(), PASSWORD.toCharArray());
            KeyStore out = KeyStore.getInstance("PKCS12");
            out.load(null, null);
            for (String alias : java.util.Collections.list(trust.aliases())) {
                if (trust.isCertificateEntry(alias)) {
                    out.setCertificateEntry(alias, trust.getCertificate(alias));
                }
            }
            out.setCertificateEntry("gatehouse-e2e-rp-host", certificate);
            try (OutputStream o = Files.newOutputStream(dir.resolve("services-truststore.p12"))) {
                out.store(o, PASSWORD.toCharArray());
            }

            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(key, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            serverContext = context;
            directory = dir;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the relying party's TLS material: " + e, e);
        }
    }
}
