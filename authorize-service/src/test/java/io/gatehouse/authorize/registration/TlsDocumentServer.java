package io.gatehouse.authorize.registration;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An https server on 127.0.0.1 that serves one document, as a relying party's sector_identifier_uri host does.
 * Its certificate is made once per test JVM with the JDK's keytool, and the JVM's default TLS context is set to trust
 * it (the registration fetcher uses the default context), so the https rule is tested as it runs in production.
 */
final class TlsDocumentServer implements AutoCloseable {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static SSLContext context;

    private final HttpsServer server;

    private TlsDocumentServer(HttpsServer server) {
        this.server = server;
    }

    /** Serves {@code body} with {@code status} at {@code /sector.json}; a 3xx carries {@code Location: location}. */
    static TlsDocumentServer serve(int status, String body, String location) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls()));
            server.createContext("/sector.json", exchange -> {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                if (location != null) {
                    exchange.getResponseHeaders().add("Location", location);
                }
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
                exchange.close();
            });
            server.start();
            return new TlsDocumentServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/sector.json";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static synchronized SSLContext tls() {
        if (context != null) {
            return context;
        }
        try {
            Path store = Files.createTempDirectory("gatehouse-tls").resolve("sector.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "sector", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            keytool.getInputStream().readAllBytes();
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed");
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = new FileInputStream(store.toFile())) {
                ks.load(in, PASSWORD);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            SSLContext.setDefault(c);
            context = c;
            return c;
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the test TLS server: " + e, e);
        }
    }
}
