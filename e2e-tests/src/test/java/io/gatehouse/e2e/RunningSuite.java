package io.gatehouse.e2e;

import io.gatehouse.e2e.rp.RpTls;
import io.gatehouse.e2e.tracing.OtlpReceiver;
import io.gatehouse.launcher.Suite;
import io.gatehouse.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four packaged services, started once per test JVM exactly as the local run starts them (separate
 * processes, one database, the shipped bootstrap data), on free ports, and stopped at JVM exit.
 */
public final class RunningSuite {

    private static Suite suite;
    /** The key-encryption key the services run with (random per run), for tests that read the key table. */
    private static final String KEY_ENCRYPTION_KEY = randomKey();

    private RunningSuite() {
    }

    public static synchronized Suite get() {
        if (suite == null) {
            suite = start();
        }
        return suite;
    }

    public static String url(String service) {
        return get().service(service).baseUrl();
    }

    private static Suite start() {
        Path root = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath().normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : Suite.Options.defaultPorts().keySet()) {
            ports.put(name, freePort());
        }
        String issuer = "http://localhost:" + ports.get("discovery-service");
        // The services trust the JDK's CAs plus the test relying party's certificate (its https sector_identifier_uri
        // host, RpHost.https()); the path goes into a whitespace-split option list, so it must hold no space.
        Path trustStore = RpTls.serviceTrustStore(root.resolve("e2e-tests/target/rp-tls"));
        Path bootstrap = root.resolve("e2e-tests/src/test/resources/e2e-bootstrap.yaml").toAbsolutePath();
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                // Tracing on, exported to the in-memory collector of this JVM (TracingIT), in small batches.
                "OTEL_SDK_DISABLED", "false",
                "OTEL_EXPORTER_OTLP_ENDPOINT", OtlpReceiver.get().endpoint(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms",
                // Batched audit events wait long enough that AuditShutdownIT stops token-service with some queued.
                "GATEHOUSE_AUDIT_FLUSH_INTERVAL", "10s"));
        env.putAll(Map.of(// Set for every service, as README's GATEHOUSE_BOOTSTRAP_FILE variant does: the four processes
                        // import the same file at once on one database (issue 16.4, BootstrapImportIT).
                        "GATEHOUSE_BOOTSTRAP_FILE", bootstrap.toString(),
                        "GATEHOUSE_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                                + " -Djavax.net.ssl.trustStore=" + trustStore + " -Djavax.net.ssl.trustStoreType=PKCS12"
                                + " -Djavax.net.ssl.trustStorePassword=" + RpTls.trustStorePassword(),
                        "GATEHOUSE_KEYS_ENCRYPTION_KEY", KEY_ENCRYPTION_KEY,
                        // Open dynamic registration, as the conformance "dynamic" plan needs (RFC 7591 3).
                        "GATEHOUSE_REGISTRATION_OPEN", "true",
                        // Back-channel logout receivers of the tests listen on 127.0.0.1 inside the test JVM.
                        "GATEHOUSE_LOGOUT_ALLOW_INTERNAL_ADDRESSES", "true",
                        // The test relying party's jwks_uri is served from this JVM on 127.0.0.1 (Dynamic OP plan,
                        // private_key_jwt): let token-service fetch from a loopback address.
                        "GATEHOUSE_CLIENT_AUTH_ALLOW_INTERNAL_JWKS_URI", "true",
                        // Likewise its https sector_identifier_uri document (OIDC Registration 5).
                        "GATEHOUSE_REGISTRATION_ALLOW_INTERNAL_ADDRESSES", "true",
                        // And its request objects by reference (OIDC Core 6.2), over https on 127.0.0.1 (RpHost.https()).
                        "GATEHOUSE_AUTHORIZATION_REQUEST_URI_ALLOW_INTERNAL_ADDRESSES", "true",
                        // The dynamic plan registers clients without request_object_signing_alg and sends unsigned
                        // request objects (oidcc-request-uri-unsigned): accept them as a certified deployment must.
                        "GATEHOUSE_AUTHORIZATION_REQUEST_OBJECT_UNSIGNED_WITHOUT_REGISTRATION", "true"));
        Suite started = Suite.start(new Suite.Options(root, TestDatabase.get(), ports, issuer,
                root.resolve("e2e-tests/target/service-logs"), bootstrap, env));
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "suite-stop"));
        started.awaitReady(Duration.ofSeconds(180));
        return started;
    }

    /** Base64 of the 32-byte key-encryption key under which the suite stores its private signing keys. */
    public static String keyEncryptionKey() {
        return KEY_ENCRYPTION_KEY;
    }

    private static String randomKey() {
        byte[] raw = new byte[32];
        new java.security.SecureRandom().nextBytes(raw);
        return java.util.Base64.getEncoder().encodeToString(raw);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
