package io.gatehouse.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./gatehouse run}: PostgreSQL (embedded with a persistent data directory under {@code .gatehouse/},
 * or {@code GATEHOUSE_DB_URL}), then the four services with the demo bootstrap data. Ctrl-C stops all.
 */
public final class Main {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("gatehouse.root", ".")).toAbsolutePath().normalize();
        Path state = root.resolve(".gatehouse");
        Path bootstrap = Path.of(System.getenv().getOrDefault("GATEHOUSE_BOOTSTRAP_FILE",
                root.resolve("deploy/local/bootstrap/bootstrap.yaml").toString()));
        Instant started = Instant.now();

        Database database = Database.fromEnvironment();
        LocalPostgres postgres = null;
        if (database == null) {
            int pgPort = Integer.parseInt(System.getenv().getOrDefault("GATEHOUSE_PG_PORT", "15432"));
            System.out.println("Starting embedded PostgreSQL on port " + pgPort + " (data in " + state.resolve("pgdata") + ")");
            postgres = LocalPostgres.persistent(state.resolve("pgdata"), pgPort);
            database = new Database(postgres.jdbcUrl(), postgres.user(), postgres.password());
        } else {
            System.out.println("Using PostgreSQL at " + database.jdbcUrl());
        }
        String issuer = System.getenv().getOrDefault("GATEHOUSE_ISSUER", "http://localhost:8084");
        Suite suite;
        try {
            suite = Suite.start(new Suite.Options(root, database, Suite.Options.defaultPorts(), issuer,
                    state.resolve("logs"), Files.isRegularFile(bootstrap) ? bootstrap : null,
                    Map.of("GATEHOUSE_KEYS_ENCRYPTION_KEY", keyEncryptionKey(state))));
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
        LocalPostgres db = postgres;
        Thread stopper = new Thread(() -> {
            System.out.println("\nStopping Gatehouse ...");
            suite.close();
            if (db != null) {
                db.close();
            }
            System.out.println("Stopped.");
        }, "gatehouse-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);

        System.out.println("Starting the four services (logs in " + state.resolve("logs") + ") ...");
        suite.awaitReady(Duration.ofSeconds(180));
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        System.out.println(banner(suite, issuer, bootstrap, seconds));

        while (true) {
            Thread.sleep(1000);
            String exited = suite.exitedService();
            if (exited != null) {
                System.err.println(exited + " exited; see " + state.resolve("logs").resolve(exited + ".log"));
                System.exit(1);
            }
        }
    }

    /**
     * The key-encryption key of this local installation: {@code GATEHOUSE_KEYS_ENCRYPTION_KEY}, or a random one
     * kept in {@code .gatehouse/key-encryption-key} (owner-only permissions) beside the data it protects.
     */
    static String keyEncryptionKey(Path state) throws IOException {
        String fromEnv = System.getenv("GATEHOUSE_KEYS_ENCRYPTION_KEY");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path file = state.resolve("key-encryption-key");
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(state);
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            Files.writeString(file, Base64.getEncoder().encodeToString(raw));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return Files.readString(file).trim();
    }

    static String banner(Suite suite, String issuer, Path bootstrap, long seconds) {
        StringBuilder b = new StringBuilder();
        b.append("\n================ Gatehouse is ready (").append(seconds).append(" s) ================\n");
        b.append("Issuer:     ").append(issuer).append('\n');
        b.append("Discovery:  ").append(issuer).append("/.well-known/openid-configuration\n");
        for (Suite.Service s : suite.services()) {
            b.append(String.format("%-19s %s%n", s.name() + ":", s.baseUrl()));
        }
        if (Files.isRegularFile(bootstrap)) {
            String text;
            try {
                text = Files.readString(bootstrap);
            } catch (IOException e) {
                text = "";
            }
            b.append("Demo client: client_id=").append(first(text, "client_id")).append(" client_secret=")
                    .append(first(text, "client_secret")).append(" redirect_uri=").append(firstListItem(text, "redirect_uris")).append('\n');
            b.append("Demo user:   username=").append(first(text, "username")).append(" password=")
                    .append(first(text, "password")).append('\n');
            b.append("Try:         ").append(suite.service("authorize-service").baseUrl())
                    .append("/authorize?response_type=code&scope=openid%20profile&client_id=")
                    .append(first(text, "client_id")).append("&redirect_uri=").append(firstListItem(text, "redirect_uris"))
                    .append("&state=xyz&nonce=n-0S6\n");
        }
        b.append("Press Ctrl-C to stop every process started here.\n");
        return b.toString();
    }

    private static String first(String yaml, String key) {
        Matcher m = Pattern.compile("(?m)^\\s*-?\\s*" + key + ":\\s*\"?([^\"\\n#]+?)\"?\\s*$").matcher(yaml);
        return m.find() ? m.group(1) : "?";
    }

    private static String firstListItem(String yaml, String key) {
        Matcher inline = Pattern.compile("(?m)^\\s*" + key + ":\\s*\\[\\s*\"?([^\",\\]]+)").matcher(yaml);
        if (inline.find()) {
            return inline.group(1).trim();
        }
        Matcher block = Pattern.compile("(?m)^\\s*" + key + ":\\s*\\n\\s*-\\s*\"?([^\"\\n]+)").matcher(yaml);
        return block.find() ? block.group(1).trim() : "?";
    }

    private Main() {
    }

}
