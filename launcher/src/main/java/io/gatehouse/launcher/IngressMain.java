package io.gatehouse.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code deploy/local/run-behind-ingress}: the deployment's shape on one machine. PostgreSQL (embedded with its
 * data in {@code .gatehouse/ingress/pgdata}, or {@code GATEHOUSE_DB_URL}), the migration run once, then
 * {@code GATEHOUSE_REPLICAS} (default 2) replicas of each service behind a local nginx on
 * {@code GATEHOUSE_INGRESS_PORT} (default 8080), which is the issuer. Ctrl-C stops all.
 */
public final class IngressMain {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("gatehouse.root", ".")).toAbsolutePath().normalize();
        Path state = root.resolve(".gatehouse/ingress");
        Path nginx = LocalIngress.findNginx().orElse(null);
        if (nginx == null) {
            System.err.println(LocalIngress.INSTALL_HINT);
            System.exit(2);
        }
        int replicas = Integer.parseInt(System.getenv().getOrDefault("GATEHOUSE_REPLICAS", "2"));
        int ingressPort = Integer.parseInt(System.getenv().getOrDefault("GATEHOUSE_INGRESS_PORT", "8080"));
        Path bootstrap = Path.of(System.getenv().getOrDefault("GATEHOUSE_BOOTSTRAP_FILE",
                root.resolve("deploy/local/bootstrap/bootstrap.yaml").toString()));
        Instant started = Instant.now();

        Database database = Database.fromEnvironment();
        LocalPostgres postgres = null;
        if (database == null) {
            int pgPort = Integer.parseInt(System.getenv().getOrDefault("GATEHOUSE_PG_PORT", "15433"));
            System.out.println("Starting embedded PostgreSQL on port " + pgPort + " (data in " + state.resolve("pgdata") + ")");
            postgres = LocalPostgres.persistent(state.resolve("pgdata"), pgPort);
            database = new Database(postgres.jdbcUrl(), postgres.user(), postgres.password());
        }
        // Replica r of the service on port 808x listens on 808x + 1000 * r: 9081..9084, 10081..10084, ...
        Map<String, Integer> base = Suite.Options.defaultPorts();
        AtomicInteger index = new AtomicInteger();
        List<String> names = List.copyOf(base.keySet());
        Map<String, List<Integer>> ports = ScaledSuite.ports(replicas, () -> {
            int i = index.getAndIncrement();
            return base.get(names.get(i / replicas)) + 1000 * (i % replicas + 1);
        });
        System.out.println("Migrating, then starting " + replicas + " replicas of each service behind nginx (logs in "
                + state.resolve("logs") + ") ...");
        ScaledSuite suite;
        try {
            suite = ScaledSuite.start(new ScaledSuite.Options(root, database, ports, ingressPort, state,
                    Files.isRegularFile(bootstrap) ? bootstrap : null,
                    Map.of("GATEHOUSE_KEYS_ENCRYPTION_KEY", Main.keyEncryptionKey(state)), nginx));
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
        LocalPostgres db = postgres;
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\nStopping ...");
            suite.close();
            if (db != null) {
                db.close();
            }
            System.out.println("Stopped.");
        }, "gatehouse-shutdown"));
        suite.awaitReady(Duration.ofSeconds(240));

        StringBuilder b = new StringBuilder();
        b.append("\n====== Gatehouse behind a local ingress is ready (")
                .append(Duration.between(started, Instant.now()).toSeconds()).append(" s) ======\n");
        b.append("Issuer:    ").append(suite.issuer()).append('\n');
        b.append("Discovery: ").append(suite.issuer()).append("/.well-known/openid-configuration\n");
        for (String service : names) {
            b.append(String.format("%-18s", service + ":"));
            suite.replicas(service).forEach(s -> b.append(' ').append(s.baseUrl()));
            b.append('\n');
        }
        b.append("Every response names the replica that served it in ").append(LocalIngress.UPSTREAM_HEADER).append(".\n");
        b.append("nginx: ").append(suite.ingress().directory()).append(" (access.log shows request -> replica)\n");
        b.append("Press Ctrl-C to stop every process started here.\n");
        System.out.println(b);

        while (true) {
            Thread.sleep(1000);
            String exited = suite.exited();
            if (exited != null && !stopping.get()) {
                System.err.println(exited + " exited; see " + state.resolve("logs"));
                System.exit(1);
            }
        }
    }

    private IngressMain() {
    }
}
